package dev.hibernatelite.bench;

import dev.hibernatelite.bench.http.Endpoint;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.HttpPhase;
import dev.hibernatelite.bench.http.StartupPhase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What {@link BenchmarksReport}'s command line can change; {@code bench/run-benchmarks.sh --help} lists it. */
final class RunSettings {
    /** The phases, in the order they run. */
    static final List<String> PHASES = List.of("counts", "startup", "jmh", "http", "profile", "variants");

    boolean quick;
    int rounds = 3;
    int warmupSeconds = 20;
    int maxWarmupSeconds = 90;
    int appWarmupSeconds = 60;
    int seconds = 10;
    long settleMillis = 1000;
    int profileSeconds = 5;
    int connections = 16;
    int wrkThreads = 2;
    int poolSize = BenchSettings.POOL_SIZE;
    int startupReps = 2;
    int countRequests = 100;
    Path out;
    Path data;
    Path render;
    Path workDir = Path.of("bench/target/benchmarks-run");
    final Set<String> skip = new LinkedHashSet<>();
    final Set<String> only = new LinkedHashSet<>();
    final Set<String> families = new LinkedHashSet<>();
    final Map<String, String> proposed = new TreeMap<>(Family.PROPOSED);
    boolean keepDatabase;
    /** Whether the run's server has a standby: without one the families reading from it are left out. */
    boolean replicaAvailable = true;

    static RunSettings parse(String[] args) {
        RunSettings s = new RunSettings();
        if (List.of(args).contains("--quick")) {
            s.quick = true;
            s.rounds = 2;
            s.warmupSeconds = 1;
            s.maxWarmupSeconds = 1;
            s.appWarmupSeconds = 0;
            s.seconds = 1;
            s.settleMillis = 300;
            s.profileSeconds = 2;
            s.startupReps = 1;
            s.countRequests = 30;
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--rounds" -> s.rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> s.seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> s.warmupSeconds = Integer.parseInt(args[++i]);
                case "--max-warmup" -> s.maxWarmupSeconds = Integer.parseInt(args[++i]);
                case "--app-warmup" -> s.appWarmupSeconds = Integer.parseInt(args[++i]);
                case "--settle-ms" -> s.settleMillis = Long.parseLong(args[++i]);
                case "--profile-seconds" -> s.profileSeconds = Integer.parseInt(args[++i]);
                case "--connections" -> s.connections = Integer.parseInt(args[++i]);
                case "--wrk-threads" -> s.wrkThreads = Integer.parseInt(args[++i]);
                case "--pool-size" -> s.poolSize = Integer.parseInt(args[++i]);
                case "--startup-reps" -> s.startupReps = Integer.parseInt(args[++i]);
                case "--count-requests" -> s.countRequests = Integer.parseInt(args[++i]);
                case "--out" -> s.out = Path.of(args[++i]);
                case "--data" -> s.data = Path.of(args[++i]);
                case "--render" -> s.render = Path.of(args[++i]);
                case "--work-dir" -> s.workDir = Path.of(args[++i]);
                case "--skip" -> s.skip.addAll(phases(args[++i]));
                case "--only" -> s.only.addAll(phases(args[++i]));
                case "--families" -> s.families.addAll(List.of(args[++i].split(",")));
                case "--proposed" -> {
                    s.proposed.clear();
                    for (String kv : args[++i].split(",")) {
                        int eq = kv.indexOf('=');
                        s.proposed.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                    }
                }
                case "--keep-database" -> s.keepDatabase = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (see bench/run-benchmarks.sh --help)");
            }
        }
        if (s.out == null) {
            // A quick run's figures are meaningless: it never overwrites the committed report.
            s.out = Path.of(s.quick ? "bench/target/benchmarks-quick.md" : "docs/benchmarks.md");
        }
        if (s.data == null) {
            s.data = Path.of(s.quick ? "bench/target/benchmarks-quick.json" : "bench/results/benchmarks.json");
        }
        // the most is never less than the least: derived once, here
        s.maxWarmupSeconds = Math.max(s.warmupSeconds, s.maxWarmupSeconds);
        return s;
    }

    private static List<String> phases(String list) {
        List<String> phases = List.of(list.split(","));
        for (String p : phases) {
            if (!PHASES.contains(p)) {
                throw new IllegalArgumentException("unknown phase " + p + "; phases: " + String.join(", ", PHASES));
            }
        }
        return phases;
    }

    boolean runs(String phase) {
        return !skip.contains(phase) && (only.isEmpty() || only.contains(phase));
    }

    /**
     * @return the applications of this run, in round order: the catalogue, less the families not asked
     *         for ({@code lite} stays, every comparison needs it) and less those that would run the same
     *         application as one before them (a variant equal to the proposed defaults)
     */
    List<Family> families() {
        List<Family> out = new ArrayList<>();
        for (Family f : Family.catalogue(proposed)) {
            boolean wanted = families.isEmpty() || families.contains(f.id()) || f.id().equals(Family.LITE);
            boolean phase = f.role() != Family.Role.VARIANT || runs("variants");
            boolean server = !f.replicas() || replicaAvailable;
            if (wanted && phase && server && out.stream().noneMatch(f::sameApplicationAs)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * @return the applications the HTTP phase starts: with phase {@code http} all but the variants, with
     *         phase {@code variants} the variants and {@code lite}, their reference
     */
    List<Family> httpFamilies() {
        return families().stream().filter(f -> f.role() == Family.Role.VARIANT ? runs("variants")
                : runs("http") || f.id().equals(Family.LITE) && runs("variants")).toList();
    }

    BenchResults.Method method(String wrkVersion, List<String> jvmOptions, String server) {
        return new BenchResults.Method(rounds, appWarmupSeconds, warmupSeconds, maxWarmupSeconds, seconds, settleMillis, runs("profile") ? profileSeconds : 0,
                connections, wrkThreads, poolSize, startupReps, countRequests, BenchDatabase.ROWS, proposed, wrkVersion,
                jvmOptions, BenchDatabase.NAME, data.toString(), workDir.toString(), server);
    }

    /** @return a rough estimate of the run's minutes on 2 cores (application start about 6 s) */
    long estimateMinutes() {
        List<Family> all = families();
        double secs = 0;
        if (runs("counts")) {
            secs += all.size() * (6 + Endpoint.values().length * (0.6 + countRequests * 2 * 0.004));
        }
        if (runs("startup")) {
            secs += StartupPhase.FAMILIES.size() * StartupPhase.ENTITIES.length * startupReps * 7.0;
        }
        if (runs("jmh")) {
            secs += 13 * (quick ? 4 : 8);
        }
        for (Family f : httpFamilies()) {
            secs += rounds * (6 + appWarmupSeconds + settleMillis / 1000.0
                    + f.endpoints().size() * ((warmupSeconds + maxWarmupSeconds) / 2.0 + seconds + 2 * settleMillis / 1000.0 + 1));
        }
        if (runs("http") && runs("profile")) {
            for (Family f : httpFamilies()) {
                if (HttpPhase.PROFILED.contains(f.id())) {
                    secs += f.endpoints().stream().filter(HttpPhase.PROFILED_ROUTES::contains).count()
                            * (profileSeconds + 2.0);
                }
            }
        }
        return Math.round(secs / 60);
    }

    HttpPhase.Options httpOptions() {
        return new HttpPhase.Options(rounds, appWarmupSeconds, warmupSeconds, maxWarmupSeconds, seconds, settleMillis, connections, wrkThreads, poolSize,
                runs("http") && runs("profile") ? profileSeconds : 0, workDir);
    }
}
