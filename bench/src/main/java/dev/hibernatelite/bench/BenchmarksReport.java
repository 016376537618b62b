package dev.hibernatelite.bench;

import dev.hibernatelite.bench.BenchResults.Measurement;
import dev.hibernatelite.bench.BenchResults.Profile;
import dev.hibernatelite.bench.BenchResults.Startup;
import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.HttpPhase;
import dev.hibernatelite.bench.http.RequestCounts;
import dev.hibernatelite.bench.http.StartupPhase;
import dev.hibernatelite.bench.http.Wrk;
import dev.hibernatelite.bench.report.BenchmarksView;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs everything behind docs/benchmarks.md: this bundle against dropwizard-hibernate, hand-wired
 * Hibernate and plain JDBC, on a fresh PostgreSQL database ({@code hl_bench}, dropped at the end).
 * The phases collect plain data ({@link BenchResults}), written as JSON; {@link BenchmarksView} then
 * renders the page from that data and a Markdown template.
 *
 * <ol>
 *   <li>{@code counts}: what each family asks of PostgreSQL per request ({@link RequestCounts}).</li>
 *   <li>{@code startup}: JVM launch to serving, with 2 and 200 entities ({@link StartupPhase}).</li>
 *   <li>{@code jmh}: the per-request cost of the context and of {@code db.session()} against opening a
 *       session by hand ({@link SessionCosts}, {@link SessionBenchmark}).</li>
 *   <li>{@code http}, {@code variants}, {@code profile}: HTTP load with wrk, one application at a time,
 *       rounds of every application in turn, CPU per request from {@code /proc}; the bundle's variants;
 *       JFR recordings in the last round ({@link HttpPhase}).</li>
 * </ol>
 *
 * <p>Every application runs alone: no phase has two application JVMs at once.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.hibernatelite.bench.BenchmarksReport [--quick] [options]},
 * {@code --render FILE.json} to write the page again from a run's data; see
 * {@code bench/run-benchmarks.sh --help}.
 */
public final class BenchmarksReport {
    private BenchmarksReport() {
    }

    public static void main(String[] args) throws Exception {
        RunSettings s = RunSettings.parse(args);
        BenchResults results;
        if (s.render != null) {
            results = Json.MAPPER.readValue(s.render.toFile(), BenchResults.class);
        } else {
            results = collect(s);
            Json.write(s.data, results);
            System.out.println("== wrote " + s.data);
        }
        Files.createDirectories(s.out.toAbsolutePath().getParent());
        Files.writeString(s.out, BenchmarksView.render(results));
        System.out.println("== wrote " + s.out);
    }

    private static void phase(String name, long t0) {
        Duration d = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("== %s (at %d min %d s)%n", name, d.toMinutes(), d.toSecondsPart());
    }

    private static BenchResults collect(RunSettings s) throws Exception {
        String wrkVersion = Wrk.version();
        if (wrkVersion == null && !s.httpFamilies().isEmpty()) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk (or skip the HTTP phases with"
                    + " --skip http,variants,profile)");
        }
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        Files.createDirectories(s.workDir);
        try (BenchServer server = BenchServer.open()) {
            System.out.println("== PostgreSQL: " + server.description());
            s.replicaAvailable = server.replicaAdminUrl() != null;
            if (!s.replicaAvailable) {
                System.out.println("== no standby (set " + BenchServer.REPLICA_VARIABLE + " to one of "
                        + BenchSettings.URL_VARIABLE + "'s server, or unset both for a private pair):"
                        + " the families that read from one are left out");
            }
            return collect(s, server, wrkVersion, started, t0, loadBefore);
        }
    }

    private static BenchResults collect(RunSettings s, BenchServer server, String wrkVersion, OffsetDateTime started,
                                        long t0, String loadBefore) throws Exception {
        List<Family> families = s.families();
        List<Family> loaded = s.httpFamilies();
        System.out.printf(Locale.ROOT, "== benchmarks: %s run, pool %d, wrk %d connections, one application at a time,"
                        + " %d rounds of %d applications (order reversed every other round), %d s warm-up and %d s"
                        + " measurement per route; about %d minutes%n",
                s.quick ? "QUICK" : "full", s.poolSize, s.connections, s.rounds, loaded.size(), s.warmupSeconds,
                s.seconds, s.estimateMinutes());

        List<RequestCounts.FamilyCounts> counts = List.of();
        List<Startup> startups = List.of();
        List<JmhJson.Score> jmh = List.of();
        List<Measurement> measurements = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        Machine machine;
        try (BenchDatabase db = BenchDatabase.create(server, s.keepDatabase)) {
            machine = Machine.collect(db.url());
            if (s.runs("counts")) {
                phase("round trips and statements per request", t0);
                counts = RequestCounts.measure(families, db, s.poolSize, s.countRequests, s.workDir);
                db.trimInserted();
            }
            if (s.runs("startup")) {
                phase("startup", t0);
                startups = StartupPhase.run(families, db.url(), s.poolSize, s.startupReps, s.workDir);
                db.awaitReplica();
            }
            if (s.runs("jmh")) {
                phase("JMH: context and session costs", t0);
                jmh = SessionCosts.run(s.quick, db.url(), s.workDir);
            }
            if (!loaded.isEmpty()) {
                phase("HTTP load, one application at a time", t0);
                new HttpPhase(s.httpOptions(), db).run(loaded, measurements, profiles);
            }
        }
        OffsetDateTime finished = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("== measured in %d min %d s%n", took.toMinutes(), took.toSecondsPart());
        BenchResults.Run run = new BenchResults.Run(started.toString(), finished.toString(), took.toSeconds(), s.quick,
                loadBefore, Machine.loadAverage(), s.method(wrkVersion == null ? "(not installed)" : wrkVersion,
                AppProcess.JVM_OPTIONS, server.description()));
        return new BenchResults(run, machine, families, counts, startups, jmh, measurements, profiles);
    }
}
