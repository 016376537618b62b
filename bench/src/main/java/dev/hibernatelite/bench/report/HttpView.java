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
import static dev.hibernatelite.bench.report.Stats.orNull;
import static dev.hibernatelite.bench.report.Stats.spread;

/**
 * The HTTP figures of docs/benchmarks.md, computed from the measurements: every figure is the median
 * over the rounds with the lowest and highest round, and every ratio is taken between two
 * applications' measurements of the same round, then summarised the same way.
 */
final class HttpView {
    /** A target of issue #6: the bundle's throughput against a peer's. */
    private record Target(String text, String peer, double goal, List<Endpoint> routes) {
    }

    private static final List<Endpoint> ALL = List.of(Endpoint.values());
    private static final List<Target> TARGETS = List.of(
            new Target("throughput ≥ 1.3 × dropwizard-hibernate", "dwh", 1.3, List.of(Endpoint.READ, Endpoint.LIST)),
            new Target("throughput ≥ 1.2 × dropwizard-hibernate", "dwh", 1.2, List.of(Endpoint.INSERT)),
            new Target("throughput ≥ 0.7 × plain JDBC", "jdbc", 0.7, ALL),
            new Target("throughput within 3% of hand-written Hibernate (≥ 0.97×)", "hibernate", 0.97, ALL));
    private static final List<String> TARGET_SUBJECTS = List.of(Family.LITE, "lite-proposed");

    private final List<Measurement> ms;
    private final List<Family> measured;

    HttpView(BenchResults r) {
        this.ms = r.http();
        this.measured = r.families().stream().filter(f -> ms.stream().anyMatch(m -> m.family().equals(f.id()))).toList();
    }

    /** Puts {@code main}, {@code targets}, {@code proposals} and {@code variants} into the template's context. */
    void addTo(Map<String, Object> view) {
        boolean main = measured.stream().anyMatch(f -> f.role() != Role.VARIANT && !f.id().equals(Family.LITE));
        view.put("main", main ? main() : null);
        view.put("targets", main ? map("rows", targets()) : null);
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
                        "throughput", over(c, m -> m.result().throughput()).text("%.0f"),
                        "p50", fmt("%.2f", over(c, m -> m.result().p50Micros() / 1000.0).median()),
                        "p99", over(c, m -> m.result().p99Micros() / 1000.0).text("%.2f"),
                        "errors", c.stream().mapToLong(m -> m.result().errors()).sum(),
                        "borrows", fmt("%.3f", requests == 0 ? 0 : (double) c.stream().mapToLong(Measurement::borrows).sum()
                                / requests),
                        "appCpu", over(c, Measurement::appCpuPerRequest).text("%.0f"),
                        "dbCpu", over(c, Measurement::dbCpuPerRequest).text("%.0f")));
            }
        }
        List<String[]> pairs = new ArrayList<>();
        for (String subject : ids(Role.SUBJECT)) {
            ids(Role.PEER).forEach(peer -> pairs.add(new String[] {subject, peer}));
        }
        if (ids.contains("lite-proposed") && ids.contains(Family.LITE)) {
            pairs.add(new String[] {"lite-proposed", Family.LITE});
        }
        List<Map<String, Object>> whatIfs = new ArrayList<>();
        for (String w : ids(Role.WHAT_IF)) {
            List<Map<String, Object>> wRows = new ArrayList<>();
            for (Endpoint e : ALL) {
                wRows.add(map("route", e.label(), "vsHibernate", ratio(e, w, "hibernate", THROUGHPUT),
                        "vsJdbc", ratio(e, w, "jdbc", THROUGHPUT), "liteVs", ratio(e, Family.LITE, w, THROUGHPUT)));
            }
            whatIfs.add(map("id", w, "rows", wRows));
        }
        return map("rows", rows,
                "pairs", pairs.stream().map(p -> map("a", p[0], "b", p[1])).toList(),
                "ratioRows", pairRows(pairs, THROUGHPUT),
                "cpuRatioRows", pairRows(pairs, CPU),
                "whatIfs", orNull(whatIfs));
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

    private List<Map<String, Object>> targets() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Target t : TARGETS) {
            for (Endpoint e : t.routes()) {
                rows.add(map("target", t.text(), "route", e.label(), "cells", TARGET_SUBJECTS.stream().map(sub -> {
                    Stats.Spread r = ratios(e, sub, t.peer(), THROUGHPUT);
                    return r.n() == 0 ? "–" : verdict(r.median() >= t.goal()) + fmt(": %.2f", r.median());
                }).toList()));
            }
        }
        for (Endpoint e : ALL) {
            rows.add(map("target", "p99 no worse than dropwizard-hibernate's", "route", e.label(), "cells",
                    TARGET_SUBJECTS.stream().map(sub -> {
                        double a = over(cell(e, sub), m -> m.result().p99Micros() / 1000.0).median();
                        double b = over(cell(e, "dwh"), m -> m.result().p99Micros() / 1000.0).median();
                        return Double.isNaN(a) || Double.isNaN(b) ? "–"
                                : verdict(a <= b) + fmt(": %.2f ms", a) + fmt(" vs %.2f ms", b);
                    }).toList()));
        }
        rows.add(map("target", "no connection borrowed by a request that does not use the database", "route",
                Endpoint.PING.label(), "cells", TARGET_SUBJECTS.stream().map(sub -> {
                    List<Measurement> c = cell(Endpoint.PING, sub);
                    long borrows = c.stream().mapToLong(Measurement::borrows).sum();
                    long requests = c.stream().mapToLong(m -> m.result().requests()).sum();
                    return c.isEmpty() ? "–" : verdict(borrows == 0) + ": " + borrows + " borrows in " + requests
                            + " requests";
                }).toList()));
        return rows;
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "not met";
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
