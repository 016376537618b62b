package dev.hibernatelite.bench.report;

import dev.hibernatelite.bench.BenchResults;
import dev.hibernatelite.bench.BenchResults.Profile;
import dev.hibernatelite.bench.BenchResults.Startup;
import dev.hibernatelite.bench.JmhJson;
import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.bench.http.Endpoint;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.RequestCounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.hibernatelite.bench.report.Stats.fmt;
import static dev.hibernatelite.bench.report.Stats.map;
import static dev.hibernatelite.bench.report.Stats.num;
import static dev.hibernatelite.bench.report.Stats.spread;

/**
 * docs/benchmarks.md from a run's {@link BenchResults}: the figures are computed here (the HTTP ones in
 * {@link HttpView}), the prose and the layout are in the template {@code /report/benchmarks.md.mustache}.
 */
public final class BenchmarksView {
    /** The JMH benchmarks, in the table's order (their descriptions are in the template). */
    private static final List<String> JMH = List.of("contextOnly", "contextFirstSession", "repeatSession",
            "handOpenBeginRollbackClose", "handOpenClose", "contextFind", "handFind", "jsonEntity",
            "jsonEntityHibernate6Module");

    private BenchmarksView() {
    }

    /** @return how long the measured routes were warmed: "20 to 85 s, median 30 s" */
    private static String warmups(List<BenchResults.Measurement> http) {
        List<Double> seconds = http.stream().filter(m -> m.warmupSeconds() > 0)
                .map(m -> (double) m.warmupSeconds()).toList();
        if (seconds.isEmpty()) {
            return "this run did not record them";
        }
        Stats.Spread s = spread(seconds);
        return fmt("the warm-ups took %.0f", s.min()) + fmt(" to %.0f s", s.max()) + fmt(", median %.0f s", s.median());
    }

    /** @return the Markdown page */
    public static String render(BenchResults r) throws IOException {
        Map<String, Object> view = new LinkedHashMap<>();
        BenchResults.Run run = r.run();
        view.put("run", run);
        view.put("duration", (run.seconds() / 60) + " min " + (run.seconds() % 60) + " s");
        view.put("method", run.method());
        view.put("machine", r.machine());
        view.put("jvmOptions", String.join(" ", run.method().jvmOptions()));
        view.put("proposedCode", run.method().proposed().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        Stats.Spread load = spread(r.http().stream().map(BenchResults.Measurement::load1).toList());
        view.put("httpLoad", load.n() == 0 ? null : map("min", fmt("%.2f", load.min()), "max", fmt("%.2f", load.max())));
        view.put("families", r.families());
        view.put("warmups", warmups(r.http()));
        new HttpView(r).addTo(view);
        view.put("counts", r.counts().isEmpty() ? null : counts(r.counts(), run.method().countRequests()));
        view.put("profile", r.profiles().isEmpty() ? null : profile(r.profiles(), r.families(), run.method()));
        view.put("jmh", r.jmh().isEmpty() ? null : jmh(r.jmh()));
        view.put("startup", r.startups().isEmpty() ? null : startup(r.startups(), run.method().startupReps()));
        view.put("freeConnections", 2 * run.method().poolSize() + 5);
        return Template.resource("benchmarks.md.mustache").render(view);
    }

    private static Map<String, Object> counts(List<RequestCounts.FamilyCounts> counts, int requests) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RequestCounts.FamilyCounts fc : counts) {
            fc.perRequest().forEach((e, pr) -> rows.add(map("family", fc.family(), "route", e.label(),
                    "roundTrips", num(pr.roundTrips()) + (pr.replicaRoundTrips() > 0
                            ? " (" + num(pr.replicaRoundTrips()) + " on the standby)" : ""),
                    "borrows", num(pr.borrows()),
                    "parses", pr.parses() == null ? "–" : num(pr.parses()),
                    "statements", pr.statements().isEmpty() ? "none" : pr.statements().entrySet().stream()
                            .map(x -> (x.getValue() == 1.0 ? "" : num(x.getValue()) + " × ") + x.getKey())
                            .collect(Collectors.joining(", ")))));
        }
        RequestCounts.FamilyCounts first = counts.get(0);
        List<String> differences = new ArrayList<>();
        for (RequestCounts.FamilyCounts fc : counts) {
            fc.samples().forEach((k, v) -> {
                if (!v.equals(first.samples().get(k))) {
                    differences.add("`" + fc.family() + "` " + k + ": `" + abbreviate(v) + "` (`" + first.family()
                            + "`: `" + abbreviate(first.samples().get(k)) + "`)");
                }
            });
        }
        return map("requests", requests, "rows", rows,
                "sameJson", differences.isEmpty() ? map("missingStatus", first.samples().get(RequestCounts.MISSING_STATUS),
                        "example", first.samples().get("GET /items/1")) : null,
                "jsonDifferences", differences.isEmpty() ? null : map("items", differences));
    }

    private static Map<String, Object> profile(List<Profile> profiles, List<Family> families,
                                               BenchResults.Method method) {
        List<String> order = families.stream().map(Family::id).toList();
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            // in the catalogue's order, whichever order the last round ran them in
            List<Profile> ps = profiles.stream().filter(p -> p.endpoint() == e)
                    .sorted(Comparator.comparingInt(p -> order.indexOf(p.family()))).toList();
            if (ps.isEmpty()) {
                continue;
            }
            Set<String> components = new LinkedHashSet<>();
            ps.forEach(p -> components.addAll(p.summary().components().keySet()));
            routes.add(map("label", e.label(), "route", e.route(),
                    "families", ps.stream().map(Profile::family).toList(),
                    "throughput", ps.stream().map(p -> fmt("%.0f", p.throughput())).toList(),
                    "samples", ps.stream().map(p -> p.summary().samples() + fmt(" (%.0f)", 1000.0 * p.summary().samples()
                            / Math.max(1, p.throughput() * p.seconds()))).toList(),
                    "components", components.stream().map(c -> map("name", c, "cells", ps.stream().map(p ->
                            fmt("%.1f%%", p.summary().share(p.summary().components().getOrDefault(c, 0L)))).toList())).toList(),
                    "markers", ps.get(0).summary().markers().keySet().stream().map(k -> map("name", k, "cells",
                            ps.stream().map(p -> fmt("%.1f%%", p.summary().share(p.summary().markers().getOrDefault(k, 0L))))
                                    .toList())).toList()));
        }
        List<Map<String, Object>> timers = new ArrayList<>();
        for (Profile p : profiles) {
            AppProcess.Info i = p.pool();
            if (p.endpoint().usesDatabase() && i != null && i.poolUsageMeanMillis() != null) {
                timers.add(map("family", p.family(), "route", p.endpoint().label(),
                        "waitMean", fmt("%.2f", i.poolWaitMeanMicros()), "waitP99", fmt("%.2f", i.poolWaitP99Micros()),
                        "usageMean", fmt("%.2f", i.poolUsageMeanMillis()), "usageP99", fmt("%.2f", i.poolUsageP99Millis())));
            }
        }
        return map("seconds", method.profileSeconds(), "routes", routes, "timers", timers,
                "dir", method.workDir() + "/profile");
    }

    private static Map<String, Object> jmh(List<JmhJson.Score> scores) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String name : JMH) {
            view.put(name, map("on", score(scores, name, "true"), "off", score(scores, name, "false")));
        }
        double bundle = mean(scores, "contextFirstSession");
        double hand = mean(scores, "handOpenBeginRollbackClose");
        double find = mean(scores, "contextFind");
        double handFind = mean(scores, "handFind");
        view.put("overhead", Double.isNaN(bundle - hand) ? null : map(
                "added", fmt("%.2f", bundle - hand), "bundle", fmt("%.2f", bundle), "hand", fmt("%.2f", hand),
                "find", Double.isNaN(find / handFind) ? null : map("share", fmt("%.2f", 100 * (bundle - hand) / handFind),
                        "handFind", fmt("%.0f", handFind), "ratio", fmt("%.3f", find / handFind))));
        return view;
    }

    private static JmhJson.Score find(List<JmhJson.Score> scores, String name, String statistics) {
        return scores.stream().filter(s -> s.benchmark().equals(name) && statistics.equals(s.params().get("statistics")))
                .findFirst().orElse(null);
    }

    private static double mean(List<JmhJson.Score> scores, String name) {
        JmhJson.Score s = find(scores, name, "true");
        return s == null ? Double.NaN : s.score();
    }

    private static String score(List<JmhJson.Score> scores, String name, String statistics) {
        JmhJson.Score s = find(scores, name, statistics);
        if (s == null) {
            return "–";
        }
        String format = s.score() < 10 ? "%.3f" : "%.1f";
        return fmt(format, s.score()) + (Double.isNaN(s.error()) ? "" : " ± " + fmt(format, s.error()));
    }

    private static Map<String, Object> startup(List<Startup> startups, int reps) {
        Map<String, List<Startup>> by = new LinkedHashMap<>();
        for (Startup st : startups.stream().sorted((a, b) -> Integer.compare(a.entities(), b.entities())).toList()) {
            by.computeIfAbsent(st.family() + "|" + st.entities(), k -> new ArrayList<>()).add(st);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        by.forEach((k, list) -> rows.add(map("family", list.get(0).family(), "entities", list.get(0).entities(),
                "wall", fmt("%.0f", spread(list.stream().map(s -> (double) s.wallMs()).toList()).median()),
                "ready", fmt("%.0f", spread(list.stream().map(s -> (double) s.readyMs()).toList()).median()),
                "setup", fmt("%.0f", spread(list.stream().map(s -> (double) s.databaseSetupMs()).toList()).median()))));
        return map("reps", reps, "rows", rows);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
