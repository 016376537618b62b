package dev.hibernatelite.bench.report;

import dev.hibernatelite.bench.PoolChoiceResults;
import dev.hibernatelite.bench.PoolChoiceResults.Diagnostic;
import dev.hibernatelite.bench.PoolChoiceResults.Fork;
import dev.hibernatelite.bench.PoolFacts;
import dev.hibernatelite.bench.Pools;
import dev.hibernatelite.bench.StatementCounts;
import dev.hibernatelite.bench.Workload;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hibernatelite.bench.report.Stats.fmt;
import static dev.hibernatelite.bench.report.Stats.map;

/**
 * {@code bench/results/pool-choice.md} from a run's {@link PoolChoiceResults}: a cell's figure is the
 * mean over all measurement iterations of all its forks, its error the half-width of the 99.9%
 * confidence interval (Student t), as JMH computes it; a ratio's error is propagated from both (first
 * order). The prose is in the template {@code /report/pool-choice.md.mustache}.
 */
public final class PoolChoiceView {
    private static final double CONFIDENCE = 0.999;

    /** One benchmark × threads × pool: every iteration, and each fork's mean. */
    private record Cell(ListStatistics iterations, List<Double> forkMeans) {
        double mean() {
            return iterations.getMean();
        }

        double error() {
            return iterations.getMeanErrorAt(CONFIDENCE);
        }

        String text() {
            return fmt("%.2f", mean()) + " ± " + fmt("%.2f", error());
        }
    }

    private PoolChoiceView() {
    }

    /** @return the Markdown page */
    public static String render(PoolChoiceResults r) throws IOException {
        Map<String, Cell> cells = cells(r.forks());
        PoolChoiceResults.Method m = r.method();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", r.run());
        view.put("load", map("before", r.run().loadBefore().replace(" ", " / "), "after",
                r.run().loadAfter().replace(" ", " / ")));
        view.put("machine", r.machine());
        view.put("method", m);
        Map<String, Double> jobLoads = new LinkedHashMap<>(); // one JMH run: a round, a thread count, a pool
        r.forks().forEach(f -> jobLoads.putIfAbsent(f.round() + "|" + f.threads() + "|" + f.pool(), f.load1()));
        ListStatistics loads = new ListStatistics();
        jobLoads.values().stream().filter(l -> !Double.isNaN(l)).forEach(loads::addValue);
        view.put("forkLoad", loads.getN() == 0 ? null : map("min", fmt("%.2f", loads.getMin()),
                "max", fmt("%.2f", loads.getMax()), "mean", fmt("%.2f", loads.getMean())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Workload.Operation op : Workload.Operation.values()) {
            for (int threads : m.threads()) {
                Cell h = cells.get(key(op.name(), threads, Pools.HIKARI));
                Cell t = cells.get(key(op.name(), threads, Pools.TOMCAT));
                if (h != null && t != null) {
                    rows.add(map("benchmark", op.name(), "threads", threads, "hikari", h.text(), "tomcat", t.text(),
                            "ratio", ratio(h, t), "verdict", verdict(h, t, "hikari"),
                            "forksHikari", means(h), "forksTomcat", means(t)));
                }
            }
        }
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (Diagnostic d : m.diagnostics()) {
            for (int threads : m.threads()) {
                Cell v = cells.get(key(d.benchmark(), threads, d.pool()));
                Cell h = cells.get(key(d.benchmark(), threads, Pools.HIKARI));
                Cell t = cells.get(key(d.benchmark(), threads, Pools.TOMCAT));
                if (v != null && h != null && t != null) {
                    diagnostics.add(map("benchmark", d.benchmark(), "threads", threads, "variant", d.pool(),
                            "value", v.text(), "hikari", h.text(), "tomcat", t.text(), "ratio", ratio(v, t),
                            "verdict", verdict(v, t, d.pool())));
                }
            }
        }
        view.put("throughput", rows.isEmpty() ? null : map("rows", rows, "n", m.rounds() * m.measurementIterations(),
                "diagnostics", diagnostics.isEmpty() ? null : map("rows", diagnostics)));
        view.put("counts", r.counts().stream().map(c -> map("variant", c.variant(), "operation", c.operation(),
                "roundTrips", fmt("%.2f", c.roundTrips()), "statements", fmt("%.2f", c.statements())
                        + (c.statementsByText().isEmpty() ? "" : " (" + c.statementsByText().entrySet().stream()
                        .map(e -> "`" + e.getKey() + "` × " + fmt("%.2f", e.getValue())).collect(Collectors.joining(", "))
                        + ")"),
                "commits", fmt("%.2f", c.xactCommits()), "rollbacks", fmt("%.2f", c.xactRollbacks()))).toList());
        view.put("rawDeltas", r.counts().stream().map(PoolChoiceView::rawDelta).collect(Collectors.joining("; ")));
        view.put("exhaustion", r.exhaustion().stream().map(e -> map("variant", e.variant(), "wait", e.configuredWait(),
                "timedOut", outcome(e.timedOut()), "served", outcome(e.servedOnReturn()))).toList());
        view.put("down", r.down().stream().map(d -> map("variant", d.variant(), "start", outcome(d.start()),
                "first", outcome(d.firstBorrow()), "after", outcome(d.borrowAfterDatabaseUp()))).toList());
        view.put("open", r.open());
        return Template.resource("pool-choice.md.mustache").render(view);
    }

    private static Map<String, Cell> cells(List<Fork> forks) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Fork f : forks) {
            Cell c = cells.computeIfAbsent(key(f.benchmark(), f.threads(), f.pool()),
                    k -> new Cell(new ListStatistics(), new ArrayList<>()));
            ListStatistics fork = new ListStatistics();
            f.iterations().forEach(i -> {
                c.iterations().addValue(i);
                fork.addValue(i);
            });
            c.forkMeans().add(fork.getMean());
        }
        return cells;
    }

    private static String key(String benchmark, int threads, String pool) {
        return benchmark + "|" + threads + "|" + pool;
    }

    private static String ratio(Cell a, Cell b) {
        double ratio = a.mean() / b.mean();
        double error = ratio * Math.sqrt(Math.pow(a.error() / a.mean(), 2) + Math.pow(b.error() / b.mean(), 2));
        return fmt("%.2f", ratio) + " ± " + fmt("%.2f", error);
    }

    private static String verdict(Cell a, Cell tomcat, String name) {
        if (Double.isNaN(a.error()) || Double.isNaN(tomcat.error())) {
            return "n/a (too few iterations)";
        }
        if (a.mean() - a.error() > tomcat.mean() + tomcat.error()) {
            return name + " faster";
        }
        if (tomcat.mean() - tomcat.error() > a.mean() + a.error()) {
            return "tomcat-jdbc faster";
        }
        return "within error";
    }

    private static String means(Cell c) {
        return c.forkMeans().stream().map(v -> fmt("%.2f", v)).collect(Collectors.joining(" / "));
    }

    private static String rawDelta(StatementCounts.Row r) {
        return r.variant() + " " + r.operation() + " " + r.rawCommitDelta() + "/" + r.rawRollbackDelta() + " vs "
                + r.baselineCommitDelta() + "/" + r.baselineRollbackDelta();
    }

    private static String outcome(PoolFacts.Outcome o) {
        return o == null ? "-" : o.millis() + " ms, " + o.result().replace("|", "\\|");
    }
}
