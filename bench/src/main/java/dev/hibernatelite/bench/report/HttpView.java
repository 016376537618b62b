package dev.hibernatelite.bench.report;

import dev.hibernatelite.bench.BenchResults;
import dev.hibernatelite.bench.BenchResults.Measurement;
import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.bench.http.Endpoint;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.Family.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static dev.hibernatelite.bench.report.Stats.fmt;
import static dev.hibernatelite.bench.report.Stats.map;
import static dev.hibernatelite.bench.report.Stats.spread;

/**
 * The HTTP figures of docs/benchmarks.md, computed from the measurements: every figure is the median
 * over the rounds with the lowest and highest round, and every ratio is taken between two
 * applications' measurements of the same round, then summarised the same way.
 */
final class HttpView {
    /**
     * A target of issue #11: {@code subject}'s figure against {@code peer}'s, per round.
     *
     * @param group what the target is about
     * @param text the target
     * @param measure what is compared
     * @param atMost whether the ratio must stay at or below {@code goal} (else at or above)
     */
    private record Target(String group, String text, String subject, String peer, Measure measure, boolean atMost,
                          double goal, List<Endpoint> routes) {
    }

    /** What a target compares. */
    private enum Measure {
        THROUGHPUT(m -> m.result().throughput()),
        APP_CPU(Measurement::appCpuPerRequest),
        P99(m -> m.result().p99Micros() / 1000.0);

        private final ToDoubleFunction<Measurement> f;

        Measure(ToDoubleFunction<Measurement> f) {
            this.f = f;
        }
    }

    private static final List<Endpoint> ALL = List.of(Endpoint.values());
    private static final List<Endpoint> READS = ALL.stream().filter(Endpoint::reads).toList();
    private static final List<Endpoint> INSERT = List.of(Endpoint.INSERT);
    private static final String RO = Family.LITE_READ_ONLY;
    private static final String LITE = Family.LITE;
    private static final List<Target> TARGETS = List.of(
            new Target("reads, read-only", "throughput ≥ 1.4 × dropwizard-hibernate's", RO, "dwh", Measure.THROUGHPUT,
                    false, 1.4, READS),
            new Target("reads, read-only", "throughput ≥ 0.8 × plain JDBC's", RO, "jdbc", Measure.THROUGHPUT, false, 0.8,
                    READS),
            new Target("reads, read-only", "app CPU per request ≤ 1.4 × plain JDBC's", RO, "jdbc", Measure.APP_CPU, true,
                    1.4, READS),
            new Target("reads, read-only", "p99 no worse than dropwizard-hibernate's (≤ 1 ×)", RO, "dwh", Measure.P99,
                    true, 1.0, READS),
            new Target("reads, read-only", "the bundle's overhead: app CPU per request ≤ 1.05 × hand-written Hibernate's,"
                    + " read-only the same way", RO, Family.HIBERNATE_READ_ONLY, Measure.APP_CPU, true, 1.05, READS),
            new Target("insert", "throughput ≥ 1.1 × dropwizard-hibernate's", LITE, "dwh", Measure.THROUGHPUT, false, 1.1,
                    INSERT),
            new Target("insert", "the bundle's overhead: app CPU per request ≤ 1.05 × hand-written Hibernate's", LITE,
                    "hibernate", Measure.APP_CPU, true, 1.05, INSERT),
            new Target("reads, transactional (no @ReadOnly)", "throughput ≥ 1.15 × dropwizard-hibernate's", LITE, "dwh",
                    Measure.THROUGHPUT, false, 1.15, READS),
            new Target("reads, transactional (no @ReadOnly)", "the bundle's overhead: app CPU per request ≤ 1.05 ×"
                    + " hand-written Hibernate's, in a transaction the same way", LITE, "hibernate", Measure.APP_CPU, true,
                    1.05, READS));
    /** The ratio tables' columns: each mode of the bundle against its peers, then the modes against each other. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {LITE, "dwh"}, new String[] {LITE, "hibernate"}, new String[] {LITE, "jdbc"},
            new String[] {RO, "dwh"}, new String[] {RO, Family.HIBERNATE_READ_ONLY}, new String[] {RO, "jdbc"},
            new String[] {RO, LITE}, new String[] {Family.LITE_REPLICA, RO});

    private final List<Measurement> ms;
    private final List<Family> measured;

    HttpView(BenchResults r) {
        this.ms = r.http();
        this.measured = r.families().stream().filter(f -> ms.stream().anyMatch(m -> m.family().equals(f.id()))).toList();
    }

    /**
     * Puts {@code main}, {@code targets}, {@code replica}, {@code proposals} and {@code variants} into
     * the template's context.
     */
    void addTo(Map<String, Object> view) {
        boolean main = measured.stream().anyMatch(f -> f.role() != Role.VARIANT && !f.id().equals(LITE));
        view.put("main", main ? main() : null);
        view.put("targets", main ? targets() : null);
        view.put("replica", has(Family.LITE_REPLICA) && has(RO) ? replica() : null);
        List<Map<String, Object>> proposals = proposals();
        view.put("proposals", proposals.isEmpty() ? null : map("rows", proposals));
        view.put("variants", ids(Role.VARIANT).isEmpty() ? null : variants());
    }

    // ------------------------------------------------------------------ main group

    private Map<String, Object> main() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> ids = measured.stream().filter(f -> f.role() != Role.VARIANT).map(Family::id).toList();
        for (Endpoint e : ALL) {
            for (String id : ids) {
                List<Measurement> c = cell(e, id);
                if (c.isEmpty()) {
                    continue;
                }
                long requests = c.stream().mapToLong(m -> m.result().requests()).sum();
                rows.add(map("route", e.label(), "family", id,
                        "throughput", over(c, THROUGHPUT).text("%.0f"),
                        "p50", fmt("%.2f", over(c, m -> m.result().p50Micros() / 1000.0).median()),
                        "p99", over(c, m -> m.result().p99Micros() / 1000.0).text("%.2f"),
                        "errors", c.stream().mapToLong(m -> m.result().errors()).sum(),
                        "borrows", fmt("%.3f", requests == 0 ? 0 : (double) c.stream().mapToLong(Measurement::borrows).sum()
                                / requests),
                        "appCpu", over(c, Measurement::appCpuPerRequest).text("%.0f"),
                        "dbCpu", over(c, Measurement::dbCpuPerRequest).text("%.0f")));
            }
        }
        List<String[]> pairs = PAIRS.stream().filter(p -> ids.contains(p[0]) && ids.contains(p[1])).toList();
        return map("rows", rows,
                "pairs", pairs.stream().map(p -> map("a", p[0], "b", p[1])).toList(),
                "ratioRows", pairRows(pairs, THROUGHPUT),
                "appCpuRatioRows", pairRows(pairs, Measurement::appCpuPerRequest),
                "cpuRatioRows", pairRows(pairs, CPU));
    }

    private static final ToDoubleFunction<Measurement> THROUGHPUT = m -> m.result().throughput();
    private static final ToDoubleFunction<Measurement> CPU = m -> m.appCpuPerRequest() + m.dbCpuPerRequest();

    private List<Map<String, Object>> pairRows(List<String[]> pairs, ToDoubleFunction<Measurement> f) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Endpoint e : ALL) {
            rows.add(map("route", e.label(), "cells", pairs.stream().map(p -> ratio(e, p[0], p[1], f)).toList()));
        }
        return rows;
    }

    // ------------------------------------------------------------------ targets

    private Map<String, Object> targets() {
        List<Map<String, Object>> rows = new ArrayList<>();
        int met = 0;
        int judged = 0;
        for (Target t : TARGETS) {
            for (Endpoint e : t.routes()) {
                Stats.Spread r = ratios(e, t.subject(), t.peer(), t.measure().f);
                String figure;
                String verdict;
                String rounds;
                if (r.n() == 0) {
                    figure = "not measured";
                    verdict = "–";
                    rounds = "–";
                } else {
                    boolean ok = meets(t, r.median());
                    judged++;
                    met += ok ? 1 : 0;
                    verdict = verdict(ok);
                    figure = r.text("%.2f") + (t.measure() == Measure.THROUGHPUT ? "" : " (" + medianText(e, t.subject(),
                            t.measure()) + " vs " + medianText(e, t.peer(), t.measure()) + ")");
                    rounds = roundsMeeting(e, t) + " of " + r.n();
                }
                rows.add(map("group", t.group(), "target", t.text(), "route", e.label(), "pair", "`" + t.subject()
                        + "` / `" + t.peer() + "`", "verdict", verdict, "figure", figure, "rounds", rounds));
            }
        }
        List<Measurement> ping = cell(Endpoint.PING, LITE);
        if (!ping.isEmpty()) {
            long borrows = ping.stream().mapToLong(Measurement::borrows).sum();
            long requests = ping.stream().mapToLong(m -> m.result().requests()).sum();
            judged++;
            met += borrows == 0 ? 1 : 0;
            rows.add(map("group", "no database", "target", "no connection borrowed by a request that does not use the"
                            + " database", "route", Endpoint.PING.label(), "pair", "`" + LITE + "`",
                    "verdict", verdict(borrows == 0), "figure", borrows + " borrows in " + requests + " requests",
                    "rounds", "–"));
        }
        return map("rows", rows, "met", met, "judged", judged);
    }

    private static boolean meets(Target t, double ratio) {
        return t.atMost() ? ratio <= t.goal() : ratio >= t.goal();
    }

    private int roundsMeeting(Endpoint e, Target t) {
        int n = 0;
        for (Measurement x : cell(e, t.subject())) {
            for (Measurement y : cell(e, t.peer())) {
                double den = t.measure().f.applyAsDouble(y);
                if (x.round() == y.round() && den > 0 && meets(t, t.measure().f.applyAsDouble(x) / den)) {
                    n++;
                }
            }
        }
        return n;
    }

    private String medianText(Endpoint e, String family, Measure measure) {
        double v = over(cell(e, family), measure.f).median();
        return measure == Measure.P99 ? fmt("%.2f ms", v) : fmt("%.0f µs", v);
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    // ------------------------------------------------------------------ replica

    private Map<String, Object> replica() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Endpoint e : READS) {
            List<Measurement> c = cell(e, Family.LITE_REPLICA);
            if (c.isEmpty()) {
                continue;
            }
            double total = over(c, Measurement::dbCpuPerRequest).median();
            double standby = over(c, Measurement::replicaDbCpuPerRequest).median();
            rows.add(map("route", e.label(),
                    "throughput", ratio(e, Family.LITE_REPLICA, RO, THROUGHPUT),
                    "appCpu", ratio(e, Family.LITE_REPLICA, RO, Measurement::appCpuPerRequest),
                    "p99", fmt("%.2f", over(c, m -> m.result().p99Micros() / 1000.0).median()) + " / "
                            + fmt("%.2f", over(cell(e, RO), m -> m.result().p99Micros() / 1000.0).median()),
                    "dbPrimary", fmt("%.0f", total - standby), "dbStandby", fmt("%.0f", standby),
                    "served", standbyShare(c.get(c.size() - 1))));
        }
        return map("rows", rows);
    }

    /** @return the share of read-only borrows that went to the standby's pool since the application started */
    private static String standbyShare(Measurement m) {
        Map<String, Long> pools = m.pool() == null ? null : m.pool().poolBorrows();
        if (pools == null) {
            return "–";
        }
        long standby = pools.entrySet().stream().filter(x -> x.getKey().contains(".replica-")).mapToLong(Map.Entry::getValue)
                .sum();
        long primary = pools.entrySet().stream().filter(x -> x.getKey().endsWith(".read")).mapToLong(Map.Entry::getValue)
                .sum();
        return standby + primary == 0 ? "–" : fmt("%.1f%%", 100.0 * standby / (standby + primary));
    }

    // ------------------------------------------------------------------ proposals and variants

    /**
     * @return one entry per proposal measured (a key set to true, such as {@code statsOff}, picks its
     *         text in the template): its family and, per route, the throughput ratio and the
     *         application's CPU against {@code lite}
     */
    private List<Map<String, Object>> proposals() {
        boolean statsApart = has("lite-stats-off");
        List<String[]> proposals = new ArrayList<>();
        if (statsApart) {
            proposals.add(new String[] {"all", "lite-proposed"});
        }
        proposals.add(new String[] {"statsOff", statsApart ? "lite-stats-off" : "lite-proposed"});
        proposals.add(new String[] {"releaseBeforeWrite", "lite-release-before-write"});
        proposals.add(new String[] {"noOrdering", "lite-no-ordering"});
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] p : proposals) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Endpoint e : endpoints(p[1])) {
                if (cell(e, Family.LITE).isEmpty()) {
                    continue;
                }
                double after = over(cell(e, p[1]), Measurement::appCpuPerRequest).median();
                double before = over(cell(e, Family.LITE), Measurement::appCpuPerRequest).median();
                rows.add(map("first", rows.isEmpty(), "route", e.label(), "ratio", ratio(e, p[1], Family.LITE, THROUGHPUT),
                        "cpu", fmt("%.0f", after) + " / " + fmt("%.0f", before)
                                + (Double.isNaN(after / before) ? "" : fmt(" (%+.1f%%)", 100 * (after / before - 1)))));
            }
            if (!rows.isEmpty()) {
                out.add(map(p[0], true, "family", p[1], "rows", rows));
            }
        }
        return out;
    }

    private Map<String, Object> variants() {
        List<Endpoint> routes = Arrays.stream(Endpoint.values()).filter(Endpoint::usesDatabase).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> timers = new ArrayList<>();
        for (Family f : measured) {
            if (f.role() != Role.VARIANT && !f.id().equals(Family.LITE)) {
                continue;
            }
            boolean lite = f.id().equals(Family.LITE);
            rows.add(map("id", f.id(), "label", f.label(), "cells", routes.stream().map(e -> {
                List<Measurement> c = cell(e, f.id());
                double cpu = over(c, Measurement::appCpuPerRequest).median();
                double liteCpu = over(cell(e, Family.LITE), Measurement::appCpuPerRequest).median();
                return map("ratio", lite ? "1 (" + over(c, THROUGHPUT).text("%.0f") + ")" : ratio(e, f.id(), Family.LITE,
                                THROUGHPUT),
                        "p99", fmt("%.2f", over(c, m -> m.result().p99Micros() / 1000.0).median()),
                        "cpu", fmt("%.0f", cpu) + (lite || Double.isNaN(cpu / liteCpu) ? "" : fmt(" (%.2f)", cpu / liteCpu)));
            }).toList()));
            timers.add(map("id", f.id(), "cells", routes.stream().map(e -> {
                List<Measurement> c = cell(e, f.id());
                AppProcess.Info info = c.isEmpty() ? null : c.get(c.size() - 1).pool();
                return info == null || info.poolWaitMeanMicros() == null ? "– / –"
                        : fmt("%.0f µs", info.poolWaitMeanMicros()) + " / " + fmt("%.2f ms", info.poolUsageMeanMillis());
            }).toList()));
        }
        return map("routes", routes.stream().map(Endpoint::label).toList(), "rows", rows, "timers", timers);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> ids(Role role) {
        return measured.stream().filter(f -> f.role() == role).map(Family::id).toList();
    }

    private boolean has(String id) {
        return measured.stream().anyMatch(f -> f.id().equals(id));
    }

    private List<Endpoint> endpoints(String id) {
        return ALL.stream().filter(e -> !cell(e, id).isEmpty()).toList();
    }

    private List<Measurement> cell(Endpoint e, String family) {
        return ms.stream().filter(m -> m.endpoint() == e && m.family().equals(family)).toList();
    }

    private static Stats.Spread over(List<Measurement> cell, ToDoubleFunction<Measurement> f) {
        return spread(cell.stream().map(m -> f.applyAsDouble(m)).toList());
    }

    /** @return f(a) / f(b) of each round both were measured in */
    private Stats.Spread ratios(Endpoint e, String a, String b, ToDoubleFunction<Measurement> f) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement x : cell(e, a)) {
            for (Measurement y : cell(e, b)) {
                double den = f.applyAsDouble(y);
                if (x.round() == y.round() && den > 0) {
                    ratios.add(f.applyAsDouble(x) / den);
                }
            }
        }
        return spread(ratios);
    }

    private String ratio(Endpoint e, String a, String b, ToDoubleFunction<Measurement> f) {
        return ratios(e, a, b, f).text("%.2f");
    }
}
