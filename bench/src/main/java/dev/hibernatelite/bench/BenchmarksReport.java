package dev.hibernatelite.bench;

import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.bench.http.CpuClock;
import dev.hibernatelite.bench.http.Endpoint;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.JfrProfile;
import dev.hibernatelite.bench.http.RequestCounts;
import dev.hibernatelite.bench.http.Wrk;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs everything behind docs/benchmarks.md and writes it: this bundle against dropwizard-hibernate,
 * hand-wired Hibernate and plain JDBC, on a fresh PostgreSQL database ({@code hl_bench}, dropped at
 * the end).
 *
 * <ol>
 *   <li><b>Round trips</b>: what each family asks of PostgreSQL per request ({@link RequestCounts}).</li>
 *   <li><b>Startup</b>: JVM launch to serving, with 1 and 200 entities, for the three Hibernate
 *       families, alternating.</li>
 *   <li><b>JMH</b>: the per-request cost of the context and of {@code db.session()} against opening
 *       a session by hand ({@link SessionBenchmark}).</li>
 *   <li><b>HTTP load</b>: every application of a group runs at once, each in its own JVM with its own
 *       pool of the same size; wrk drives one at a time, at fixed concurrency for a fixed time, the
 *       order reversing every round (A B C D E, E D C B A, A B C ...), so drift in the machine's load
 *       falls on all alike. Group "main": the bundle as shipped, the bundle with the proposed
 *       defaults, the peers. Group "variants": the bundle with one thing changed each.</li>
 *   <li><b>Profile</b>: a JFR recording of each main application under the read and insert load,
 *       summarised by component ({@link JfrProfile}).</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.hibernatelite.bench.BenchmarksReport [--quick] [options]};
 * see {@code bench/run-benchmarks.sh --help}.
 */
public final class BenchmarksReport {
    private static final double TARGET_READ_VS_DWH = 1.3;
    private static final double TARGET_INSERT_VS_DWH = 1.2;
    private static final double TARGET_VS_JDBC = 0.7;
    private static final double TARGET_VS_HAND_WIRED = 0.97;
    private static final long SETTLE_MILLIS = 3000;
    /** The families recorded with JFR. */
    private static final Set<String> PROFILED = Set.of("lite", "dwh", "hibernate", "jdbc");
    /** The routes recorded with JFR. */
    private static final List<Endpoint> PROFILED_ROUTES = List.of(Endpoint.READ, Endpoint.INSERT, Endpoint.PING);
    /** A what-if, reported but not a peer. */
    private static final String WHAT_IF = "hibernate-no-tx-reads";

    /** Everything the command line can change. */
    static final class Settings {
        boolean quick;
        int rounds = 3;
        int variantRounds = 2;
        int seconds = 4;
        int warmupSeconds = 7;
        int profileSeconds = 5;
        int connections = 16;
        int wrkThreads = 2;
        int poolSize = BenchSettings.POOL_SIZE;
        int startupReps = 2;
        int countRequests = 100;
        Path out = Path.of("docs/benchmarks.md");
        Path csv = Path.of("bench/results/benchmarks-http.csv");
        Path workDir = Path.of("bench/target/benchmarks-run");
        Set<String> skip = new LinkedHashSet<>();
        Set<String> only = new LinkedHashSet<>();
        Set<String> families = new LinkedHashSet<>();
        Map<String, String> proposed = new TreeMap<>(Family.PROPOSED);
        boolean keepDatabase;

        boolean runs(String phase) {
            return !skip.contains(phase) && (only.isEmpty() || only.contains(phase));
        }

        void quick() {
            quick = true;
            rounds = 1;
            variantRounds = 1;
            seconds = 2;
            warmupSeconds = 1;
            profileSeconds = 3;
            startupReps = 1;
            countRequests = 30;
        }
    }

    /** One wrk measurement. */
    record Measurement(String group, Endpoint endpoint, int round, String family, Wrk.Result result, long borrows,
                       String load, String poolInfo, double appCpuMillis, double dbCpuMillis) {
        /** @return the application's CPU µs per request, or NaN */
        double appCpuPerRequest() {
            return appCpuMillis < 0 || result.requests() == 0 ? Double.NaN : 1000 * appCpuMillis / result.requests();
        }

        /** @return its PostgreSQL backends' CPU µs per request, or NaN */
        double dbCpuPerRequest() {
            return dbCpuMillis < 0 || result.requests() == 0 ? Double.NaN : 1000 * dbCpuMillis / result.requests();
        }
    }

    /** One startup of one application. */
    record Startup(String family, int entities, int rep, long wallMs, long readyMs, long databaseSetupMs) {
    }

    /** One profiled run. */
    record Profile(String family, Endpoint endpoint, double throughput, JfrProfile.Summary summary, String poolInfo) {
    }

    private BenchmarksReport() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = parse(args);
        String adminUrl = BenchSettings.url();
        String wrkVersion = Wrk.version();
        if (wrkVersion == null && (s.runs("http") || s.runs("variants") || s.runs("profile"))) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk (or skip the HTTP phases with"
                    + " --skip http,variants,profile)");
        }
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        String loadBefore = loadAverage();
        Files.createDirectories(s.workDir);
        List<Family> main = Family.main(s.proposed).stream()
                .filter(f -> s.families.isEmpty() || s.families.contains(f.id())).toList();
        // The variants are compared with lite, which stays in their group.
        // A variant identical to lite-proposed (the default proposal is statistics off) is measured once,
        // in the main group.
        List<Family> variants = Family.variants().stream()
                .filter(f -> s.families.isEmpty() || f.id().equals("lite") || s.families.contains(f.id()))
                .filter(f -> f.id().equals("lite") || !(f.hibernateProperties().equals(s.proposed)
                        && "commit".equals(f.routes()) && main.stream().anyMatch(m -> m.id().equals("lite-proposed"))))
                .toList();
        if (variants.size() == 1) {
            variants = List.of();
        }
        System.out.printf(Locale.ROOT, "== benchmarks: %s run, pool %d, wrk %d connections, %d s per measurement,"
                        + " %d main rounds, %d variant rounds; about %d minutes%n", s.quick ? "QUICK" : "full",
                s.poolSize, s.connections, s.seconds, s.rounds, s.variantRounds, estimateMinutes(s, main, variants));

        List<RequestCounts.FamilyCounts> counts = List.of();
        List<Startup> startups = new ArrayList<>();
        Collection<RunResult> jmh = List.of();
        List<Measurement> measurements = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        Map<String, String> machine;
        try (BenchDatabase db = BenchDatabase.create(adminUrl, s.keepDatabase)) {
            machine = machine(db.url(), wrkVersion);
            if (s.runs("counts")) {
                System.out.println("== round trips and statements per request");
                // Variants that change only settings send the same statements as lite (checked in
                // development); those that change the routes are counted.
                List<Family> counted = new ArrayList<>(main);
                variants.stream().filter(f -> !f.id().equals("lite") && f.routes() != null
                        && !f.routes().equals("commit")).forEach(counted::add);
                counts = new ArrayList<>();
                for (List<Family> batch : batches(counted, 5)) {
                    counts.addAll(RequestCounts.measure(batch, db.url(), s.poolSize, s.countRequests, s.workDir));
                }
                db.trimInserted();
            }
            if (s.runs("startup")) {
                System.out.println("== startup");
                startups = startup(s, db.url(), main);
            }
            if (s.runs("jmh")) {
                System.out.println("== JMH: context and session costs");
                jmh = jmh(s, db.url());
            }
            if (s.runs("http") && !main.isEmpty()) {
                System.out.println("== HTTP load, main group");
                measurements.addAll(http(s, db, "main", main, List.of(Endpoint.values()), s.rounds,
                        s.runs("profile") ? profiles : null));
            }
            if (s.runs("variants") && !variants.isEmpty()) {
                System.out.println("== HTTP load, variants of the bundle");
                measurements.addAll(http(s, db, "variants", variants, List.of(Endpoint.READ, Endpoint.LIST, Endpoint.INSERT),
                        s.variantRounds, null));
            }
        }
        OffsetDateTime finished = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String report = new Renderer(s, machine, started, finished, took, loadBefore, loadAverage(), main, variants,
                counts, startups, jmh, measurements, profiles).render();
        Files.createDirectories(s.out.toAbsolutePath().getParent());
        Files.writeString(s.out, report);
        if (!measurements.isEmpty()) {
            Files.createDirectories(s.csv.toAbsolutePath().getParent());
            Files.writeString(s.csv, csv(measurements));
        }
        System.out.printf("== wrote %s%s in %d min %d s%n", s.out, measurements.isEmpty() ? "" : " and " + s.csv,
                took.toMinutes(), took.toSecondsPart());
    }

    private static Settings parse(String[] args) {
        Settings s = new Settings();
        for (String a : args) {
            if (a.equals("--quick")) {
                s.quick();
            }
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--rounds" -> s.rounds = Integer.parseInt(args[++i]);
                case "--variant-rounds" -> s.variantRounds = Integer.parseInt(args[++i]);
                case "--seconds" -> s.seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> s.warmupSeconds = Integer.parseInt(args[++i]);
                case "--profile-seconds" -> s.profileSeconds = Integer.parseInt(args[++i]);
                case "--connections" -> s.connections = Integer.parseInt(args[++i]);
                case "--wrk-threads" -> s.wrkThreads = Integer.parseInt(args[++i]);
                case "--pool-size" -> s.poolSize = Integer.parseInt(args[++i]);
                case "--startup-reps" -> s.startupReps = Integer.parseInt(args[++i]);
                case "--out" -> s.out = Path.of(args[++i]);
                case "--csv" -> s.csv = Path.of(args[++i]);
                case "--work-dir" -> s.workDir = Path.of(args[++i]);
                case "--skip" -> s.skip.addAll(List.of(args[++i].split(",")));
                case "--only" -> s.only.addAll(List.of(args[++i].split(",")));
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
        return s;
    }

    /** A rough estimate of the run's duration, from a run on 2 cores. */
    private static long estimateMinutes(Settings s, List<Family> main, List<Family> variants) {
        long secs = 0;
        if (s.runs("counts")) {
            secs += 30L * 2 + (long) (main.size() + 2) * (s.countRequests / 30 + 2);
        }
        if (s.runs("startup")) {
            secs += 3L * 2 * s.startupReps * 7;
        }
        if (s.runs("jmh")) {
            secs += 13L * (s.quick ? 5 : 8);
        }
        if (s.runs("http")) {
            secs += 40 + SETTLE_MILLIS / 1000 + (long) main.size() * (3L * (s.warmupSeconds + 1) + 4L * s.rounds * (s.seconds + 1));
            if (s.runs("profile")) {
                secs += (long) PROFILED.size() * PROFILED_ROUTES.size() * (s.profileSeconds + 3);
            }
        }
        if (s.runs("variants")) {
            secs += 40 + SETTLE_MILLIS / 1000
                    + (long) variants.size() * 3 * (s.warmupSeconds + 1 + s.variantRounds * (s.seconds + 1));
        }
        return Math.round(secs / 60.0);
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    // ---------------------------------------------------------------- startup

    private static List<Startup> startup(Settings s, String url, List<Family> main) throws Exception {
        List<Family> stacks = main.stream().filter(f -> Set.of("lite", "dwh", "hibernate").contains(f.id())).toList();
        List<Startup> out = new ArrayList<>();
        for (int rep = 1; rep <= s.startupReps; rep++) {
            for (int entities : new int[] {1, 200}) {
                List<Family> order = new ArrayList<>(stacks);
                if ((rep + (entities > 1 ? 1 : 0)) % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Family f : order) {
                    try (AppProcess app = AppProcess.start(f, url, s.poolSize, entities, s.workDir.resolve("startup"),
                            List.of())) {
                        String line = app.awaitReady(240);
                        Startup st = new Startup(f.id(), entities, rep, AppProcess.number(line, "wallMs"),
                                AppProcess.number(line, "uptimeMs") - AppProcess.number(line, "generateMs"),
                                AppProcess.number(line, "databaseSetupMs"));
                        out.add(st);
                        System.out.printf(Locale.ROOT, "   %-10s %3d entities: launch to serving %5d ms, JVM uptime"
                                        + " less class generation %5d ms, database setup %5d ms%n", f.id(), entities,
                                st.wallMs(), st.readyMs(), st.databaseSetupMs());
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- JMH

    private static Collection<RunResult> jmh(Settings s, String url) throws Exception {
        List<RunResult> results = new ArrayList<>();
        String prefix = "^" + java.util.regex.Pattern.quote(SessionBenchmark.class.getName()) + "\\.";
        // Statistics on and off where a session does something; once for the rest.
        results.addAll(new Runner(jmhOptions(s, url)
                .include(prefix + "(contextFirstSession|handOpenBeginRollbackClose|contextFind|handFind)$")
                .param("statistics", "true", "false")
                .build()).run());
        results.addAll(new Runner(jmhOptions(s, url)
                .include(prefix + "(contextOnly|repeatSession|handOpenClose|json.*)$")
                .param("statistics", "true")
                .build()).run());
        return results;
    }

    private static org.openjdk.jmh.runner.options.ChainedOptionsBuilder jmhOptions(Settings s, String url) {
        return new OptionsBuilder()
                .forks(1)
                .threads(1)
                .warmupIterations(1)
                .warmupTime(s.quick ? TimeValue.milliseconds(300) : TimeValue.seconds(1))
                .measurementIterations(s.quick ? 2 : 3)
                .measurementTime(s.quick ? TimeValue.milliseconds(300) : TimeValue.seconds(1))
                .jvmArgs("-Xms512m", "-Xmx512m", "-Dbench.url=" + url, "-Dbench.rows=" + BenchDatabase.ROWS)
                .shouldFailOnError(true);
    }

    // ---------------------------------------------------------------- HTTP

    private static List<Measurement> http(Settings s, BenchDatabase db, String group, List<Family> families,
                                          List<Endpoint> endpoints, int rounds, List<Profile> profiles) throws Exception {
        int needed = families.size() * s.poolSize;
        try (Connection c = DriverManager.getConnection(BenchSettings.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('max_connections')::int"
                     + " - (SELECT count(*) FROM pg_stat_activity) - current_setting('superuser_reserved_connections')::int")) {
            rs.next();
            int free = rs.getInt(1);
            if (free < needed + 5) {
                throw new IllegalStateException("group " + group + " needs " + needed + " connections (" + families.size()
                        + " applications × pool " + s.poolSize + ") but PostgreSQL has " + free + " free");
            }
        }
        Wrk wrk = new Wrk(s.workDir, s.wrkThreads, s.connections);
        List<Measurement> out = new ArrayList<>();
        List<AppProcess> apps = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(BenchSettings.url())) {
            for (Family f : families) {
                apps.add(AppProcess.start(f, db.url(), s.poolSize, 1, s.workDir.resolve(group), List.of()));
            }
            for (AppProcess app : apps) {
                app.awaitReady(240);
            }
            System.out.printf("   %d applications serving, %d connections to %s%n", apps.size(), db.connections(),
                    BenchDatabase.NAME);
            // Warm-up: every database route on every application (the no-database route's path is part
            // of theirs).
            for (Endpoint e : endpoints) {
                if (!e.usesDatabase()) {
                    continue;
                }
                for (AppProcess app : apps) {
                    Wrk.Result w = wrk.run(app.baseUrl(), e, s.warmupSeconds, BenchDatabase.ROWS);
                    if (w.errors() > 0) {
                        System.out.printf("   warm-up %s %s: %d errors (see %s)%n", app.family().id(), e, w.errors(), app.log());
                    }
                }
            }
            Thread.sleep(SETTLE_MILLIS); // let the last warm-up's JIT compilations finish
            for (Endpoint e : endpoints) {
                for (int round = 1; round <= rounds; round++) {
                    List<AppProcess> order = new ArrayList<>(apps);
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (AppProcess app : order) {
                        String load = loadAverage().split(" ")[0];
                        String name = AppProcess.applicationName(app.family());
                        long b0 = app.borrows();
                        double app0 = app.cpuMillis();
                        double db0 = CpuClock.backendMillis(admin, name);
                        Wrk.Result w = wrk.run(app.baseUrl(), e, s.seconds, BenchDatabase.ROWS);
                        double app1 = app.cpuMillis();
                        double db1 = CpuClock.backendMillis(admin, name);
                        String info = app.request("GET", "/bench/info", null).body();
                        long borrows = AppProcess.number(info, "borrows") - b0;
                        Measurement m = new Measurement(group, e, round, app.family().id(), w, borrows, load, info,
                                app0 < 0 || app1 < 0 ? -1 : app1 - app0, db0 < 0 || db1 < 0 ? -1 : db1 - db0);
                        out.add(m);
                        System.out.printf(Locale.ROOT, "   %-6s round %d %-26s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms"
                                        + "  errors %d  borrows/req %.3f  CPU/req app %4.0f µs db %4.0f µs  load %s%n", e,
                                round, app.family().id(), w.throughput(), w.p50Micros() / 1000.0, w.p99Micros() / 1000.0,
                                w.errors(), w.requests() == 0 ? 0 : (double) borrows / w.requests(),
                                m.appCpuPerRequest(), m.dbCpuPerRequest(), load);
                    }
                }
            }
            if (profiles != null) {
                System.out.println("== profile (JFR, 'profile' settings)");
                for (Endpoint e : PROFILED_ROUTES) {
                    for (AppProcess app : apps) {
                        if (!PROFILED.contains(app.family().id())) {
                            continue;
                        }
                        Path file = s.workDir.resolve("profile").resolve(app.family().id() + "-" + e.script() + ".jfr")
                                .toAbsolutePath();
                        Files.createDirectories(file.getParent());
                        app.request("POST", "/bench/jfr/start", "{}");
                        Wrk.Result w = wrk.run(app.baseUrl(), e, s.profileSeconds, BenchDatabase.ROWS);
                        app.request("POST", "/bench/jfr/stop?file=" + file, "{}");
                        String info = app.request("GET", "/bench/info", null).body();
                        JfrProfile.Summary summary = JfrProfile.read(file);
                        profiles.add(new Profile(app.family().id(), e, w.throughput(), summary, info));
                        System.out.printf(Locale.ROOT, "   %-6s %-26s %8.0f req/s, %d samples, %s%n", e, app.family().id(),
                                w.throughput(), summary.samples(), file);
                    }
                }
            }
        } finally {
            apps.forEach(AppProcess::close);
        }
        db.trimInserted();
        return out;
    }

    private static String csv(List<Measurement> ms) {
        StringBuilder sb = new StringBuilder("group,endpoint,round,family,requests_per_s,p50_us,p90_us,p99_us,p999_us,"
                + "mean_us,max_us,requests,errors,borrows,app_cpu_ms,db_cpu_ms,load1\n");
        for (Measurement m : ms) {
            Wrk.Result r = m.result();
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%.1f,%d,%d,%d,%d,%.1f,%d,%d,%d,%d,%.0f,%.0f,%s%n", m.group(),
                    m.endpoint().script(), m.round(), m.family(), r.throughput(), r.p50Micros(), r.p90Micros(),
                    r.p99Micros(), r.p999Micros(), r.meanMicros(), r.maxMicros(), r.requests(), r.errors(), m.borrows(),
                    m.appCpuMillis(), m.dbCpuMillis(), m.load()));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- machine

    private static Map<String, String> machine(String url, String wrkVersion) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, shared by PostgreSQL, the applications and wrk");
        m.put("memory", memTotal());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; applications " + String.join(" ", AppProcess.JVM_OPTIONS));
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_setting('max_connections'),"
                     + " current_setting('shared_buffers'), current_setting('synchronous_commit')")) {
            rs.next();
            m.put("PostgreSQL", rs.getString(1) + "; max_connections=" + rs.getString(2) + ", shared_buffers="
                    + rs.getString(3) + ", synchronous_commit=" + rs.getString(4));
        }
        Map<String, String> v = Machine.dependencyVersions();
        m.put("Dropwizard", v.getOrDefault("dropwizard-core", "?") + " (dropwizard-hibernate "
                + v.getOrDefault("dropwizard-hibernate", "?") + ", Jetty "
                + v.getOrDefault("jetty-server", "?") + ", Jersey "
                + v.getOrDefault("jersey-server", "?") + ")");
        m.put("Hibernate ORM", v.getOrDefault("hibernate-core", "?"));
        m.put("Jackson", v.getOrDefault("jackson-databind", "?") + " (jackson-datatype-hibernate6 "
                + v.getOrDefault("jackson-datatype-hibernate6", "?") + ")");
        m.put("pools", "HikariCP " + v.getOrDefault("HikariCP", "?") + ", tomcat-jdbc "
                + v.getOrDefault("tomcat-jdbc", "?"));
        m.put("PostgreSQL JDBC driver", v.getOrDefault("postgresql", "?"));
        m.put("this bundle", v.getOrDefault("dropwizard-hibernate-lite", "?") + gitDescribe());
        m.put("load generator", wrkVersion == null ? "(not run)" : wrkVersion);
        m.put("JMH", v.getOrDefault("jmh-core", "?"));
        return m;
    }

    private static String gitDescribe() {
        try {
            Process p = new ProcessBuilder("git", "log", "-1", "--format=%h %cI").redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            Process d = new ProcessBuilder("git", "--no-optional-locks", "status", "--porcelain", "--", "bundle").redirectErrorStream(true).start();
            String dirty = new String(d.getInputStream().readAllBytes()).trim();
            d.waitFor();
            return p.exitValue() == 0 ? " (commit " + head + (dirty.isEmpty() ? "" : ", bundle/ has uncommitted changes") + ")" : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal")) {
                    return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "? ? ?";
        }
    }

    // ---------------------------------------------------------------- report

    /** Turns the measurements into docs/benchmarks.md. */
    static final class Renderer {
        private final Settings s;
        private final Map<String, String> machine;
        private final OffsetDateTime started;
        private final OffsetDateTime finished;
        private final Duration took;
        private final String loadBefore;
        private final String loadAfter;
        private final List<Family> main;
        private final List<Family> variants;
        private final List<RequestCounts.FamilyCounts> counts;
        private final List<Startup> startups;
        private final Collection<RunResult> jmh;
        private final List<Measurement> measurements;
        private final List<Profile> profiles;
        private final StringBuilder md = new StringBuilder();

        Renderer(Settings s, Map<String, String> machine, OffsetDateTime started, OffsetDateTime finished, Duration took,
                 String loadBefore, String loadAfter, List<Family> main, List<Family> variants,
                 List<RequestCounts.FamilyCounts> counts, List<Startup> startups, Collection<RunResult> jmh,
                 List<Measurement> measurements, List<Profile> profiles) {
            this.s = s;
            this.machine = machine;
            this.started = started;
            this.finished = finished;
            this.took = took;
            this.loadBefore = loadBefore;
            this.loadAfter = loadAfter;
            this.main = main;
            this.variants = variants;
            this.counts = counts;
            this.startups = startups;
            this.jmh = jmh;
            this.measurements = measurements;
            this.profiles = profiles;
        }

        String render() {
            md.append("# Benchmarks: this bundle against dropwizard-hibernate, hand-wired Hibernate and plain JDBC\n\n");
            md.append("Written by `bench/run-benchmarks.sh` (class `dev.hibernatelite.bench.BenchmarksReport`) from ")
                    .append(started).append(" to ").append(finished).append(String.format(Locale.ROOT,
                            " (%d min %d s).", took.toMinutes(), took.toSecondsPart()));
            if (s.quick) {
                md.append(" **QUICK RUN (`--quick`): measurements far too short for conclusions; it only checks that"
                        + " everything runs.**");
            }
            md.append(" Do not edit by hand: run it again.\n\n");
            machine();
            method();
            httpMain();
            targets();
            proposals();
            variants();
            roundTrips();
            profile();
            jmh();
            startup();
            reproduce();
            return md.toString();
        }

        private void machine() {
            md.append("## Machine and versions\n\n| what | value |\n| --- | --- |\n");
            machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
            md.append("| load average (1/5/15 min) before → after | ").append(loadBefore).append(" → ").append(loadAfter)
                    .append(" |\n");
            List<Double> loads = measurements.stream().map(m -> parse(m.load())).filter(d -> !d.isNaN()).toList();
            if (!loads.isEmpty()) {
                md.append(String.format(Locale.ROOT, "| 1-min load average at the start of each HTTP measurement |"
                                + " %.2f to %.2f |%n", Collections.min(loads), Collections.max(loads)));
            }
            md.append('\n');
        }

        private void method() {
            md.append("## What is measured\n\n");
            md.append("One Dropwizard application (`bench/src/main/java/dev/hibernatelite/bench/app/BenchApp.java`)"
                    + " with the same three routes written four ways, one way per JVM: `GET /items/{id}` (read one row"
                    + " by id), `GET /items?after=N&limit=20` (list 20 rows), `POST /items` (insert one row and return"
                    + " it), plus `GET /ping`, which touches no database. Same table (`bench_item`, ")
                    .append(BenchDatabase.ROWS).append(" seeded rows, identity id), same JSON (checked byte for byte"
                            + " below), same pool size (").append(s.poolSize).append(" connections, fixed), same JVM"
                            + " options, same Dropwizard server settings (request log off).\n\n");
            md.append("| family | what |\n| --- | --- |\n");
            for (Family f : main) {
                md.append("| `").append(f.id()).append("` | ").append(f.label()).append(" |\n");
            }
            md.append("\n- `lite`: `db.getOr404`, `db.session().createSelectionQuery(...)`, `persist` + `db.commit()`;"
                    + " reads commit nothing, their transaction is rolled back when the context closes after the"
                    + " response is written. Engine configured with only `url` and `maxSize`.\n");
            md.append("- `lite-proposed`: the same application with the proposed defaults written as engine")
                    .append(" `properties` ").append(Family.describe(s.proposed).replace("(", "(`").replace(")", "`)"))
                    .append(" (the bundle's current defaults: statistics on, `order_inserts`/`order_updates` on,")
                    .append(" SQL comments off, HikariCP metrics on).\n");
            md.append("- `dwh`: `io.dropwizard:dropwizard-hibernate` as its users get it: `HibernateBundle`, a DAO"
                    + " (`AbstractDAO`), `@UnitOfWork` with its defaults on every route (transaction committed before the"
                    + " response is written), `DataSourceFactory` with only `driverClass`, `url` and the sizes set"
                    + " (tomcat-jdbc, auto-commit on, its default SQL comments and statistics on).\n");
            md.append("- `hibernate`: hand-wired Hibernate, the best this workload allows: `SessionFactory.fromTransaction`"
                    + " per route (the connection is returned before the JSON is written), HikariCP with auto-commit"
                    + " off and Hibernate told so, no statistics, no SQL comments, no pool metrics.\n");
            md.append("- `jdbc`: the floor: one `PreparedStatement` per route on HikariCP with auto-commit on"
                    + " (one round trip per request, no transaction statements).\n");
            md.append("- `").append(WHAT_IF).append("`: a what-if, not a peer: `hibernate` whose reads open a session"
                    + " and query without a transaction, on a pool with auto-commit on.\n\n");
            md.append("Load: ").append(machine.getOrDefault("load generator", "wrk")).append(", ").append(s.wrkThreads)
                    .append(" threads, ").append(s.connections).append(" connections (closed loop), ")
                    .append(s.seconds).append(" s per measurement after ").append(s.warmupSeconds)
                    .append(" s of warm-up per database route and application. All applications of a group run at once, each"
                            + " with its own pool; wrk drives one at a time. For each route the order reverses every"
                            + " round (A B C D E, E D C B A, ...), ").append(s.rounds).append(" rounds in the main group and ")
                    .append(s.variantRounds).append(" in the variants group, so drift in the machine's load falls on all"
                            + " alike. Ratios are taken between measurements of the same round (next to each other in"
                            + " time), then averaged (geometric mean); the range is the lowest and highest round.\n\n");
        }

        private void httpMain() {
            md.append("## HTTP load\n\n");
            List<Measurement> ms = group("main");
            if (ms.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("Throughput in requests per second (mean of the rounds, range in brackets), latency in"
                    + " milliseconds (median of the rounds' p50 and p99), errors summed over the rounds (connection,"
                    + " read, write, timeout, HTTP status ≥ 400), borrowed connections per request (the pool's count),"
                    + " and CPU time per request: the application's JVM, and the PostgreSQL backends serving it (from"
                    + " `/proc`, over all rounds). CPU per request hardly depends on what else the machine is doing;"
                    + " on these 2 shared cores, throughput follows it.\n\n");
            List<String> ids = families(ms);
            md.append("| route | family | req/s | p50 ms | p99 ms | errors | borrows/req | CPU µs/req: app | database |\n")
                    .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Endpoint e : endpoints(ms)) {
                for (String id : ids) {
                    List<Measurement> cell = cell(ms, e, id);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    md.append("| ").append(e.label()).append(" | `").append(id).append("` | ")
                            .append(throughput(cell)).append(" | ")
                            .append(ms(median(cell, m -> m.result().p50Micros()))).append(" | ")
                            .append(ms(median(cell, m -> m.result().p99Micros()))).append(" | ")
                            .append(cell.stream().mapToLong(m -> m.result().errors()).sum()).append(" | ")
                            .append(String.format(Locale.ROOT, "%.3f", borrowsPerRequest(cell))).append(" | ")
                            .append(cpu(cell, true)).append(" | ").append(cpu(cell, false)).append(" |\n");
                }
            }
            md.append("\n### Ratios against each peer (same run, same round)\n\n");
            md.append("Throughput of the bundle divided by the peer's: above 1 the bundle is faster.\n\n");
            List<String> subjects = ids.stream().filter(id -> id.startsWith("lite")).toList();
            List<String> peers = ids.stream().filter(id -> !id.startsWith("lite") && !id.equals(WHAT_IF)).toList();
            md.append("| route |");
            for (String sub : subjects) {
                for (String p : peers) {
                    md.append(" `").append(sub).append("` / `").append(p).append("` |");
                }
            }
            if (subjects.contains("lite-proposed") && subjects.contains("lite")) {
                md.append(" `lite-proposed` / `lite` |");
            }
            md.append("\n| --- |");
            int columns = subjects.size() * peers.size() + (subjects.contains("lite-proposed") && subjects.contains("lite") ? 1 : 0);
            md.append(" ---: |".repeat(columns)).append('\n');
            for (Endpoint e : endpoints(ms)) {
                md.append("| ").append(e.label()).append(" |");
                for (String sub : subjects) {
                    for (String p : peers) {
                        md.append(' ').append(ratioText(ms, e, sub, p)).append(" |");
                    }
                }
                if (subjects.contains("lite-proposed") && subjects.contains("lite")) {
                    md.append(' ').append(ratioText(ms, e, "lite-proposed", "lite")).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
            if (ids.contains(WHAT_IF)) {
                md.append("What-if, not a peer: `").append(WHAT_IF).append("` is hand-wired Hibernate whose read routes"
                        + " query without a transaction on an auto-commit pool (one round trip, like JDBC; inserts keep"
                        + " their transaction). It shows what the bundle's reads could reach if they did not begin a"
                        + " transaction, which is not a default but a change of the bundle's contract.\n\n");
                md.append("| route | `").append(WHAT_IF).append("` / `hibernate` | `").append(WHAT_IF)
                        .append("` / `jdbc` | `lite` / `").append(WHAT_IF).append("` |\n| --- | ---: | ---: | ---: |\n");
                for (Endpoint e : endpoints(ms)) {
                    md.append("| ").append(e.label()).append(" | ").append(ratioText(ms, e, WHAT_IF, "hibernate"))
                            .append(" | ").append(ratioText(ms, e, WHAT_IF, "jdbc")).append(" | ")
                            .append(ratioText(ms, e, "lite", WHAT_IF)).append(" |\n");
                }
                md.append('\n');
            }
        }

        private void targets() {
            List<Measurement> ms = group("main");
            if (ms.isEmpty()) {
                return;
            }
            md.append("## Targets (issue #6), this run\n\n");
            md.append("| target | route | `lite` (as shipped) | `lite-proposed` |\n| --- | --- | --- | --- |\n");
            for (Endpoint e : List.of(Endpoint.READ, Endpoint.LIST, Endpoint.INSERT)) {
                double goal = e == Endpoint.INSERT ? TARGET_INSERT_VS_DWH : TARGET_READ_VS_DWH;
                target(ms, "throughput ≥ " + goal + " × dropwizard-hibernate", e, "dwh", goal);
            }
            for (Endpoint e : Endpoint.values()) {
                target(ms, "throughput ≥ " + TARGET_VS_JDBC + " × plain JDBC", e, "jdbc", TARGET_VS_JDBC);
            }
            for (Endpoint e : Endpoint.values()) {
                target(ms, "throughput within 3% of hand-written Hibernate (≥ " + TARGET_VS_HAND_WIRED + "×)", e,
                        "hibernate", TARGET_VS_HAND_WIRED);
            }
            for (Endpoint e : Endpoint.values()) {
                md.append("| p99 no worse than dropwizard-hibernate's | ").append(e.label()).append(" |");
                for (String sub : List.of("lite", "lite-proposed")) {
                    List<Measurement> a = cell(ms, e, sub);
                    List<Measurement> b = cell(ms, e, "dwh");
                    if (a.isEmpty() || b.isEmpty()) {
                        md.append(" – |");
                        continue;
                    }
                    double pa = median(a, m -> m.result().p99Micros());
                    double pb = median(b, m -> m.result().p99Micros());
                    md.append(' ').append(pa <= pb ? "**met**" : "not met").append(String.format(Locale.ROOT,
                            ": %s ms vs %s ms |", ms(pa), ms(pb)));
                }
                md.append('\n');
            }
            md.append("| no connection borrowed by a request that does not use the database | ")
                    .append(Endpoint.PING.label()).append(" |");
            for (String sub : List.of("lite", "lite-proposed")) {
                List<Measurement> a = cell(ms, Endpoint.PING, sub);
                if (a.isEmpty()) {
                    md.append(" – |");
                    continue;
                }
                long borrows = a.stream().mapToLong(Measurement::borrows).sum();
                long requests = a.stream().mapToLong(m -> m.result().requests()).sum();
                md.append(' ').append(borrows == 0 ? "**met**" : "not met").append(": ").append(borrows)
                        .append(" borrows in ").append(requests).append(" requests |");
            }
            md.append("\n\n");
        }

        private void proposals() {
            List<Measurement> main = group("main");
            List<Measurement> var = group("variants");
            if (main.isEmpty() && var.isEmpty()) {
                return;
            }
            md.append("## Proposed defaults: before and after\n\n");
            md.append("Each proposal with the exact change in the bundle and its effect in this run: throughput ratio"
                    + " (geometric mean of the rounds, range) and the application's CPU µs per request, after / before."
                    + " \"Before\" is `lite` (the bundle as shipped) in the same group.\n\n");
            md.append("| proposal | change | measured as | route | req/s after / before | app CPU µs/req after / before |\n"
                    + "| --- | --- | --- | --- | ---: | ---: |\n");
            boolean statsInVariants = var.stream().anyMatch(m -> m.family().equals("lite-stats-off"));
            if (statsInVariants) {
                proposal(main, "lite-proposed", "all proposed defaults together",
                        "engine `properties` " + Family.describe(s.proposed).replace("(", "`").replace(")", "`"));
            }
            proposal(statsInVariants ? var : main, statsInVariants ? "lite-stats-off" : "lite-proposed",
                    "Hibernate statistics off by default",
                    "`bundle/src/main/java/dev/hibernatelite/internal/engine/EngineBuilder.java`, `hibernateSettings`:"
                            + " `settings.put(AvailableSettings.GENERATE_STATISTICS, \"true\")` → `\"false\"` (the"
                            + " Hibernate gauges are then not registered, as `HibernateStatisticsMetrics` already"
                            + " handles; `docs/health-and-metrics.md` says how to turn them on)");
            proposal(var, "lite-release-before-write", "end each request's transactions before the response body is"
                            + " written (keep the sessions open, so lazy loading during serialisation still works, then"
                            + " outside the transaction)",
                    "`bundle/src/main/java/dev/hibernatelite/internal/context/RequestScope.java`, `onEvent`: on"
                            + " `RESP_FILTERS_FINISHED` (after `CommitOnSuccessFilter`), roll back every session's active"
                            + " transaction without clearing it; `FINISHED` closes as now. Emulated here by the read"
                            + " routes rolling back before they return");
            proposal(var, "lite-no-ordering", "(measured, not proposed unless it shows an effect) insert/update"
                            + " ordering off",
                    "`EngineBuilder.java`: `ORDER_INSERTS`, `ORDER_UPDATES` → `\"false\"`");
            md.append('\n');
        }

        private void proposal(List<Measurement> ms, String family, String what, String change) {
            if (ms.stream().noneMatch(m -> m.family().equals(family))) {
                return;
            }
            boolean first = true;
            for (Endpoint e : endpoints(ms)) {
                List<Measurement> after = cell(ms, e, family);
                List<Measurement> before = cell(ms, e, "lite");
                if (after.isEmpty() || before.isEmpty()) {
                    continue;
                }
                double cpu = cpuRatio(after, before, true);
                md.append("| ").append(first ? what : "").append(" | ").append(first ? change : "").append(" | ")
                        .append(first ? "`" + family + "`" : "").append(" | ").append(e.label()).append(" | ")
                        .append(ratioText(ms, e, family, "lite")).append(" | ")
                        .append(cpu(after, true)).append(" / ").append(cpu(before, true))
                        .append(Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, " (%+.1f%%)", 100 * (cpu - 1)))
                        .append(" |\n");
                first = false;
            }
        }

        private void target(List<Measurement> ms, String what, Endpoint e, String peer, double goal) {
            md.append("| ").append(what).append(" | ").append(e.label()).append(" |");
            for (String sub : List.of("lite", "lite-proposed")) {
                double[] r = ratio(ms, e, sub, peer);
                if (r == null) {
                    md.append(" – |");
                    continue;
                }
                md.append(' ').append(r[0] >= goal ? "**met**" : "not met").append(String.format(Locale.ROOT, ": %.2f |", r[0]));
            }
            md.append('\n');
        }

        private void variants() {
            md.append("## Variants: what each default costs\n\n");
            List<Measurement> ms = group("variants");
            if (ms.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("The bundle with one thing changed, against the bundle as shipped (`lite`) in the same group"
                    + " and round. For each route: throughput ratio variant / `lite` (geometric mean of the rounds,"
                    + " range), p99 in ms (median of the rounds), and the application's CPU µs per request with its"
                    + " ratio to `lite`'s (the steadier figure for small costs).\n\n");
            md.append("| variant | what changes |");
            List<Endpoint> es = endpoints(ms);
            for (Endpoint e : es) {
                md.append(' ').append(e.label()).append(": req/s ratio | p99 | app CPU µs/req |");
            }
            md.append("\n| --- | --- |").append(" ---: | ---: | ---: |".repeat(es.size())).append('\n');
            for (Family f : variants) {
                if (cell(ms, es.get(0), f.id()).isEmpty()) {
                    continue;
                }
                md.append("| `").append(f.id()).append("` | ").append(f.label()).append(" |");
                for (Endpoint e : es) {
                    List<Measurement> c = cell(ms, e, f.id());
                    double cpuRatio = cpuRatio(c, cell(ms, e, "lite"), true);
                    md.append(' ').append(f.id().equals("lite") ? "1 (" + throughput(c) + ")"
                            : ratioText(ms, e, f.id(), "lite")).append(" | ")
                            .append(ms(median(c, m -> m.result().p99Micros()))).append(" | ")
                            .append(cpu(c, true)).append(f.id().equals("lite") || Double.isNaN(cpuRatio) ? ""
                                    : String.format(Locale.ROOT, " (%.2f)", cpuRatio)).append(" |");
                }
                md.append('\n');
            }
            md.append("\nThe pool's own timers after the last round of each route (HikariCP's Dropwizard timers;"
                    + " their reservoir favours the last minute, so this is mostly that route): mean wait for a"
                    + " connection in µs / mean time a connection was held in ms.\n\n");
            md.append("| variant |");
            es.forEach(e -> md.append(' ').append(e.label()).append(" |"));
            md.append("\n| --- |").append(" ---: |".repeat(es.size())).append('\n');
            for (Family f : variants) {
                if (cell(ms, es.get(0), f.id()).isEmpty()) {
                    continue;
                }
                md.append("| `").append(f.id()).append("` |");
                for (Endpoint e : es) {
                    List<Measurement> c = cell(ms, e, f.id());
                    String info = c.isEmpty() ? "" : c.get(c.size() - 1).poolInfo();
                    md.append(' ').append(number(info, "poolWaitMeanMicros", "%.0f µs")).append(" / ")
                            .append(number(info, "poolUsageMeanMillis", "%.2f ms")).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }

        private void roundTrips() {
            md.append("## Round trips and statements per request\n\n");
            if (counts.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("Counted exactly: each application ran behind its own `PgWireCounter` relay (which reads the"
                    + " client side of the PostgreSQL protocol) and served ").append(s.countRequests)
                    .append(" sequential requests per route after as many to warm up. A round trip is one wait for the"
                            + " server; pgjdbc sends `BEGIN` in the same flight as the first statement of a"
                            + " transaction.\n\n");
            md.append("| family | route | round trips | statements | borrows |\n| --- | --- | ---: | --- | ---: |\n");
            for (RequestCounts.FamilyCounts fc : counts) {
                fc.perRequest().forEach((e, pr) -> md.append("| `").append(fc.family().id()).append("` | ")
                        .append(e.label()).append(" | ").append(num(pr.roundTrips())).append(" | ")
                        .append(pr.statements().isEmpty() ? "none" : pr.statements().entrySet().stream()
                                .map(x -> (x.getValue() == 1.0 ? "" : num(x.getValue()) + " × ") + x.getKey())
                                .collect(Collectors.joining(", ")))
                        .append(" | ").append(num(pr.borrows())).append(" |\n"));
            }
            md.append("\nSame JSON: ");
            Map<String, String> reference = counts.get(0).samples();
            List<String> differences = new ArrayList<>();
            for (RequestCounts.FamilyCounts fc : counts) {
                fc.samples().forEach((k, v) -> {
                    if (!v.equals(reference.get(k))) {
                        differences.add("`" + fc.family().id() + "` " + k + ": `" + abbreviate(v) + "` (`"
                                + counts.get(0).family().id() + "`: `" + abbreviate(reference.get(k)) + "`)");
                    }
                });
            }
            if (differences.isEmpty()) {
                md.append("every family answered the same bytes for `GET /items/1`, `GET /items?after=0&limit=20`,"
                        + " `POST /items` (id aside), the same status for a missing id (")
                        .append(reference.get("GET /items/999999999 (status)")).append(") and the same `/ping`.")
                        .append(" For example `GET /items/1`: `").append(reference.get("GET /items/1")).append("`.\n\n");
            } else {
                md.append("**differences**:\n\n");
                differences.forEach(d -> md.append("- ").append(d).append('\n'));
                md.append('\n');
            }
        }

        private void profile() {
            md.append("## Where the time goes (JFR)\n\n");
            if (profiles.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("Each main application recorded with JDK Flight Recorder's `profile` settings while wrk drove"
                    + " it for ").append(s.profileSeconds).append(" s (after the measurements). CPU samples"
                            + " (`jdk.ExecutionSample`) by component: each sample counts for the library of the"
                            + " frame nearest the top of the stack that is not JDK code (so socket I/O done by pgjdbc"
                            + " is pgjdbc's). Percent of the application's samples; \"samples/1k req\" normalises by"
                            + " the requests served during the recording. Recorded applications ran slower than in"
                            + " the measurements; these are shares, not timings. The inclusive rows count a sample when"
                            + " the code is anywhere on its stack, so they include what that code calls: \"this"
                            + " bundle's request context\" includes the Hibernate and pgjdbc work done through"
                            + " `db.session()`/`db.commit()` and the rollback at the end of the request;"
                            + " \"dropwizard-hibernate @UnitOfWork\" likewise.\n\n");
            for (Endpoint e : PROFILED_ROUTES) {
                List<Profile> ps = profiles.stream().filter(p -> p.endpoint() == e).toList();
                if (ps.isEmpty()) {
                    continue;
                }
                md.append("### ").append(e.label()).append(" (`").append(e.route()).append("`)\n\n");
                Set<String> components = new LinkedHashSet<>();
                ps.forEach(p -> components.addAll(p.summary().components().keySet()));
                md.append("| component (self) |");
                ps.forEach(p -> md.append(" `").append(p.family()).append("` |"));
                md.append("\n| --- |").append(" ---: |".repeat(ps.size())).append('\n');
                md.append("| requests/s while recording |");
                ps.forEach(p -> md.append(String.format(Locale.ROOT, " %.0f |", p.throughput())));
                md.append("\n| CPU samples (samples/1k req) |");
                ps.forEach(p -> md.append(String.format(Locale.ROOT, " %d (%.0f) |", p.summary().samples(),
                        1000.0 * p.summary().samples() / Math.max(1, p.throughput() * s.profileSeconds))));
                md.append('\n');
                for (String c : components) {
                    md.append("| ").append(c).append(" |");
                    ps.forEach(p -> md.append(String.format(Locale.ROOT, " %.1f%% |",
                            p.summary().share(p.summary().components().getOrDefault(c, 0L)))));
                    md.append('\n');
                }
                md.append("| _inclusive: anywhere on the stack (includes what it calls)_ |").append(" |".repeat(ps.size()))
                        .append('\n');
                for (String marker : ps.get(0).summary().markers().keySet()) {
                    md.append("| ").append(marker).append(" |");
                    ps.forEach(p -> md.append(String.format(Locale.ROOT, " %.1f%% |",
                            p.summary().share(p.summary().markers().getOrDefault(marker, 0L)))));
                    md.append('\n');
                }
                md.append('\n');
            }
            md.append("Pool timers after each recording (HikariCP's own metrics, where the family has them; wait in"
                    + " µs, usage = how long a connection was held, ms):\n\n");
            for (Profile p : profiles) {
                if (p.endpoint().usesDatabase() && p.poolInfo().contains("poolUsageMeanMillis")) {
                    md.append("- `").append(p.family()).append("`, ").append(p.endpoint().label()).append(": ")
                            .append(poolTimers(p.poolInfo())).append('\n');
                }
            }
            md.append("\nThe recordings stay in `").append(s.workDir.resolve("profile")).append("`; `java -cp"
                    + " bench/target/benchmarks.jar dev.hibernatelite.bench.http.JfrProfile FILE.jfr` prints one with"
                    + " its top frames, `jfr print --events jdk.ExecutionSample FILE.jfr` everything.\n\n");
        }

        private static String poolTimers(String json) {
            StringBuilder sb = new StringBuilder();
            for (String key : List.of("poolWaitMeanMicros", "poolWaitP99Micros", "poolUsageMeanMillis", "poolUsageP99Millis")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":([0-9.Ee+-]+)").matcher(json);
                if (m.find()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(key.replace("pool", "").replace("Micros", " µs")
                            .replace("Millis", " ms")).append(' ')
                            .append(String.format(Locale.ROOT, "%.2f", Double.parseDouble(m.group(1))));
                }
            }
            return sb.toString();
        }

        private void jmh() {
            md.append("## Per-request cost of the context and of `db.session()` (JMH)\n\n");
            if (jmh.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("`SessionBenchmark`, average time per operation in µs (± 99.9% interval), 1 thread, the bundle's"
                    + " own `SessionFactory` for both the bundle's calls and the hand-written ones; `statistics` is the"
                    + " engine's `hibernate.generate_statistics`.\n\n");
            md.append("| benchmark | what | statistics on | statistics off |\n| --- | --- | ---: | ---: |\n");
            Map<String, Map<String, RunResult>> byName = new LinkedHashMap<>();
            for (RunResult r : jmh) {
                String name = r.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                byName.computeIfAbsent(name, k -> new TreeMap<>()).put(r.getParams().getParam("statistics"), r);
            }
            Map<String, String> what = Map.of(
                    "contextOnly", "`db.context()` opened and closed (what a request that never uses the database pays)",
                    "contextFirstSession", "context + first `db.session()` (open session, begin) + close (rollback, close)",
                    "repeatSession", "`db.session()` again in the same context",
                    "handOpenBeginRollbackClose", "by hand: `openSession`, `beginTransaction`, `rollback`, `close`",
                    "handOpenClose", "by hand: `openSession`, `close`",
                    "contextFind", "context + `db.session().find(...)` + close: 2 round trips",
                    "handFind", "by hand: open, begin, `find`, rollback, close: 2 round trips",
                    "jsonEntity", "one entity to JSON, Dropwizard's `ObjectMapper`",
                    "jsonEntityHibernate6Module", "the same with `Hibernate6Module` (FORCE_LAZY_LOADING), as the bundle registers it");
            for (String name : List.of("contextOnly", "contextFirstSession", "repeatSession", "handOpenBeginRollbackClose",
                    "handOpenClose", "contextFind", "handFind", "jsonEntity", "jsonEntityHibernate6Module")) {
                Map<String, RunResult> r = byName.get(name);
                if (r == null) {
                    continue;
                }
                md.append("| `").append(name).append("` | ").append(what.get(name)).append(" | ")
                        .append(score(r.get("true"))).append(" | ").append(score(r.get("false"))).append(" |\n");
            }
            double bundle = mean(byName, "contextFirstSession", "true");
            double hand = mean(byName, "handOpenBeginRollbackClose", "true");
            double find = mean(byName, "contextFind", "true");
            double handFind = mean(byName, "handFind", "true");
            if (!Double.isNaN(bundle) && !Double.isNaN(hand)) {
                md.append(String.format(Locale.ROOT, "%nWhat the bundle adds to a request that uses the database:"
                        + " %.2f µs (context + first session %.2f µs − the same by hand %.2f µs)", bundle - hand, bundle, hand));
                if (!Double.isNaN(find) && !Double.isNaN(handFind)) {
                    md.append(String.format(Locale.ROOT, ", %.2f%% of one `find` with its two round trips (%.0f µs)."
                            + " `contextFind` / `handFind` = %.3f.", 100 * (bundle - hand) / handFind, handFind, find / handFind));
                }
                md.append("\n\n");
            }
        }

        private static double mean(Map<String, Map<String, RunResult>> byName, String name, String stats) {
            Map<String, RunResult> r = byName.get(name);
            return r == null || r.get(stats) == null ? Double.NaN : r.get(stats).getPrimaryResult().getScore();
        }

        private static String score(RunResult r) {
            if (r == null) {
                return "–";
            }
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            String fmt = score < 10 ? "%.3f" : "%.1f";
            return String.format(Locale.ROOT, fmt, score) + (Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± " + fmt, error));
        }

        private void startup() {
            md.append("## Startup\n\n");
            if (startups.isEmpty()) {
                md.append("_Not run._\n\n");
                return;
            }
            md.append("Median of ").append(s.startupReps).append(" cold starts each, alternating the order. \"Launch →"
                    + " serving\": from starting the JVM process to the server's started event, measured by the run;"
                    + " \"database setup\": the time in the database bundle's `run` (engine: probe, pool, Hibernate boot,"
                    + " health check), dropwizard-hibernate's `run`, or the hand-wired pool and `SessionFactory`. With"
                    + " 200 entities, 199 are generated classes (six basic columns each); generating them is not"
                    + " counted.\n\n");
            md.append("| family | entities | launch → serving, ms | JVM uptime at serving, ms | database setup, ms |\n"
                    + "| --- | ---: | ---: | ---: | ---: |\n");
            Map<String, List<Startup>> by = new LinkedHashMap<>();
            for (int entities : new int[] {1, 200}) {
                for (Startup st : startups) {
                    if (st.entities() == entities) {
                        by.computeIfAbsent(st.family() + "|" + entities, k -> new ArrayList<>()).add(st);
                    }
                }
            }
            by.forEach((k, list) -> md.append("| `").append(k.split("\\|")[0]).append("` | ").append(k.split("\\|")[1])
                    .append(" | ").append(Math.round(median(list, x -> x.wallMs()))).append(" | ")
                    .append(Math.round(median(list, x -> x.readyMs()))).append(" | ")
                    .append(Math.round(median(list, x -> x.databaseSetupMs()))).append(" |\n"));
            md.append('\n');
        }

        private void reproduce() {
            md.append("## How to reproduce\n\n");
            md.append("```\nbench/run-benchmarks.sh            # everything, about 20 minutes on 2 cores\n"
                    + "bench/run-benchmarks.sh --quick    # smoke run, a few minutes, figures meaningless\n```\n\n");
            md.append("Needs Java 17, Maven, `wrk` (`apt-get install -y wrk`) and a PostgreSQL the user may create"
                    + " databases on (`$HIBERNATE_LITE_BENCH_POSTGRES_URL`, default"
                    + " `jdbc:postgresql://127.0.0.1:5432/test?user=postgres`), with about ")
                    .append((Math.max(main.size(), variants.size()) + 1) * s.poolSize)
                    .append(" free connections. The run creates the database `").append(BenchDatabase.NAME)
                    .append("` and drops it at the end; it stops every process it starts. Raw HTTP figures: `")
                    .append(s.csv).append("`; application logs and JFR recordings: `").append(s.workDir).append("`.")
                    .append(" Options: `bench/run-benchmarks.sh --help`. The proposed defaults can be changed with")
                    .append(" `--proposed key=value,...`.\n\n");
            md.append("Caveats: PostgreSQL, the applications and wrk share the same cores, so every figure includes the"
                    + " server's own work and the contention; the figures compare the families with each other and are"
                    + " not capacity figures. Only ratios from the same run mean anything.\n");
        }

        // ------------------------------------------------------------ helpers

        private List<Measurement> group(String g) {
            return measurements.stream().filter(m -> m.group().equals(g)).toList();
        }

        private static List<String> families(List<Measurement> ms) {
            return ms.stream().map(Measurement::family).distinct().toList();
        }

        private static List<Endpoint> endpoints(List<Measurement> ms) {
            return ms.stream().map(Measurement::endpoint).distinct().sorted().toList();
        }

        private static List<Measurement> cell(List<Measurement> ms, Endpoint e, String family) {
            return ms.stream().filter(m -> m.endpoint() == e && m.family().equals(family)).toList();
        }

        private static String throughput(List<Measurement> cell) {
            double mean = cell.stream().mapToDouble(m -> m.result().throughput()).average().orElse(Double.NaN);
            if (cell.size() == 1) {
                return String.format(Locale.ROOT, "%.0f", mean);
            }
            double min = cell.stream().mapToDouble(m -> m.result().throughput()).min().orElse(Double.NaN);
            double max = cell.stream().mapToDouble(m -> m.result().throughput()).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", mean, min, max);
        }

        /** @return CPU µs per request over all the cell's requests (the application's, or its backends') */
        private static String cpu(List<Measurement> cell, boolean app) {
            double millis = 0;
            long requests = 0;
            for (Measurement m : cell) {
                double v = app ? m.appCpuMillis() : m.dbCpuMillis();
                if (v < 0) {
                    return "–";
                }
                millis += v;
                requests += m.result().requests();
            }
            return requests == 0 ? "–" : String.format(Locale.ROOT, "%.0f", 1000 * millis / requests);
        }

        private static double cpuRatio(List<Measurement> a, List<Measurement> b, boolean app) {
            double ca = cpuValue(a, app);
            double cb = cpuValue(b, app);
            return Double.isNaN(ca) || Double.isNaN(cb) || cb == 0 ? Double.NaN : ca / cb;
        }

        private static double cpuValue(List<Measurement> cell, boolean app) {
            String v = cpu(cell, app);
            return v.equals("–") ? Double.NaN : Double.parseDouble(v);
        }

        private static double borrowsPerRequest(List<Measurement> cell) {
            long requests = cell.stream().mapToLong(m -> m.result().requests()).sum();
            return requests == 0 ? 0 : (double) cell.stream().mapToLong(Measurement::borrows).sum() / requests;
        }

        /** @return geometric mean of the per-round ratios, min, max; or null */
        private static double[] ratio(List<Measurement> ms, Endpoint e, String a, String b) {
            List<Double> ratios = new ArrayList<>();
            for (Measurement x : cell(ms, e, a)) {
                for (Measurement y : cell(ms, e, b)) {
                    if (x.round() == y.round() && y.result().throughput() > 0) {
                        ratios.add(x.result().throughput() / y.result().throughput());
                    }
                }
            }
            if (ratios.isEmpty()) {
                return null;
            }
            double log = ratios.stream().mapToDouble(Math::log).average().orElse(0);
            return new double[] {Math.exp(log), Collections.min(ratios), Collections.max(ratios)};
        }

        private static String ratioText(List<Measurement> ms, Endpoint e, String a, String b) {
            double[] r = ratio(ms, e, a, b);
            if (r == null) {
                return "–";
            }
            return r[1] == r[2] ? String.format(Locale.ROOT, "%.2f", r[0])
                    : String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", r[0], r[1], r[2]);
        }

        private static <T> double median(List<T> xs, ToDoubleFunction<T> f) {
            double[] v = xs.stream().mapToDouble(f).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        private static String ms(double micros) {
            return Double.isNaN(micros) ? "–" : String.format(Locale.ROOT, "%.2f", micros / 1000.0);
        }

        private static String num(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }

        private static String number(String json, String key, String format) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":([0-9.Ee+-]+)").matcher(
                    json == null ? "" : json);
            return m.find() ? String.format(Locale.ROOT, format, Double.parseDouble(m.group(1))) : "–";
        }

        private static double parse(String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private static String abbreviate(String s) {
            return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
        }
    }
}
