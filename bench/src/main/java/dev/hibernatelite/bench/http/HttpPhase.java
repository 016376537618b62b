package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchDatabase;
import dev.hibernatelite.bench.BenchResults.Measurement;
import dev.hibernatelite.bench.BenchResults.Profile;
import dev.hibernatelite.bench.app.BenchApp;
import dev.hibernatelite.bench.Machine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP load phase, one application at a time: in each round every application is started in
 * turn, and stopped before the next one starts, so no other JVM's JIT compiler or garbage
 * collector runs during a measurement. The order is reversed every other round (A B C, C B A,
 * A B C, ...), so that a drift of the machine over a round is not always charged to the same
 * families. Each started application has every route warmed with wrk for {@code warmupSeconds}
 * (its JVM is new every round), then measured for {@code seconds}, reading the CPU time of its JVM
 * and of the PostgreSQL backends serving it (on the primary, and on the standby for a family
 * reading from it) from {@code /proc} before and after. In the last round the profiled
 * applications are also recorded with JFR on the profiled routes, after their measurement. The
 * table is trimmed back to its seeded rows after each application.
 */
public final class HttpPhase {
    /** The families recorded with JFR. */
    public static final Set<String> PROFILED = Set.of(Family.LITE, Family.LITE_READ_ONLY, "dwh", "hibernate",
            Family.HIBERNATE_READ_ONLY, "jdbc");
    /** The routes recorded with JFR (those of them each profiled family measures). */
    public static final List<Endpoint> PROFILED_ROUTES = List.of(Endpoint.READ, Endpoint.PARTS, Endpoint.INSERT,
            Endpoint.PING);

    /**
     * @param rounds rounds (each starts every application once)
     * @param appWarmupSeconds wrk on all the application's routes in turn, shared evenly, each time it
     *        starts, before the first route's own warm-up (Jetty, Jersey, Hibernate and pgjdbc code
     *        that every route runs gets compiled once)
     * @param warmupSeconds the least wrk warm-up per route and started application
     * @param maxWarmupSeconds the most: after the least, the warm-up goes on in steps of
     *        {@link #WARMUP_STEP_SECONDS} while the application's CPU per request still falls
     * @param seconds wrk measurement per route and round
     * @param settleMillis pause after each warm-up (JIT compilations finishing) and after each application
     * @param connections wrk connections
     * @param wrkThreads wrk threads
     * @param poolSize every application's pool size
     * @param profileSeconds wrk time under JFR; 0: no profile
     * @param workDir logs, YAML, recordings
     */
    public record Options(int rounds, int appWarmupSeconds, int warmupSeconds, int maxWarmupSeconds, int seconds, long settleMillis, int connections,
                          int wrkThreads, int poolSize, int profileSeconds, Path workDir) {
    }

    /** The warm-up goes on in steps this long while the application's CPU per request falls. */
    static final int WARMUP_STEP_SECONDS = 5;
    /** A step whose CPU per request is not this much lower than the lowest before it ends the warm-up. */
    static final double STILL_FALLING = 0.95;
    /** The JIT compiler threads' share of the application's CPU in a step above which the warm-up goes on. */
    static final double JIT_AT_WORK = 0.02;

    private final Options o;
    private final BenchDatabase db;
    private final Wrk wrk;

    public HttpPhase(Options options, BenchDatabase db) throws Exception {
        this.o = options;
        this.db = db;
        this.wrk = new Wrk(options.workDir(), options.wrkThreads(), options.connections());
    }

    /**
     * @param families the applications, in the first round's order
     * @param measurements where the measurements go
     * @param profiles where the recordings' summaries go
     */
    public void run(List<Family> families, List<Measurement> measurements, List<Profile> profiles) throws Exception {
        checkFreeConnections();
        try (Connection admin = DriverManager.getConnection(db.url());
             Connection replicaAdmin = db.replicaUrl() == null ? null : DriverManager.getConnection(db.replicaUrl())) {
            for (int round = 1; round <= o.rounds(); round++) {
                for (Family f : order(families, round)) {
                    System.out.printf(Locale.ROOT, "== HTTP round %d/%d: %s (load %s)%n", round, o.rounds(), f.id(),
                            Machine.loadAverage());
                    if (f.replicas()) {
                        db.awaitReplica();
                    }
                    try (AppProcess app = AppProcess.start(f, db.url(), f.replicas() ? db.replicaUrl() : null,
                            o.poolSize(), BenchApp.BASE_ENTITIES, o.workDir().resolve("http"), List.of())) {
                        app.awaitReady(240);
                        warmApplication(app, f.endpoints());
                        for (Endpoint e : f.endpoints()) {
                            int warmed = warm(app, e);
                            measurements.add(measure(admin, f.replicas() ? replicaAdmin : null, app, e, round, warmed));
                        }
                        // after every measurement of the application: a JFR recording slows it for
                        // a while after it ends, which the next route's figures would carry
                        for (Endpoint e : f.endpoints()) {
                            if (o.profileSeconds() > 0 && round == o.rounds() && PROFILED.contains(f.id())
                                    && PROFILED_ROUTES.contains(e)) {
                                profiles.add(profile(app, e));
                            }
                        }
                    }
                    db.trimInserted();
                    Thread.sleep(o.settleMillis());
                }
            }
        }
    }

    /** @return the families in the order of {@code round}: as given in odd rounds, reversed in even ones */
    static List<Family> order(List<Family> families, int round) {
        List<Family> order = new ArrayList<>(families);
        if (round % 2 == 0) {
            Collections.reverse(order);
        }
        return order;
    }

    private void warmApplication(AppProcess app, List<Endpoint> endpoints) throws Exception {
        int each = o.appWarmupSeconds() / endpoints.size();
        if (each < 1) {
            return;
        }
        for (Endpoint e : endpoints) {
            wrk.run(app.baseUrl(), e, each, BenchDatabase.ROWS);
        }
    }

    /**
     * Warms the route: at least {@code warmupSeconds}, the last {@link #WARMUP_STEP_SECONDS} of them
     * timed, then step after step while the JIT compiler is still at work, up to
     * {@code maxWarmupSeconds}: while its threads used {@link #JIT_AT_WORK} or more of the
     * application's CPU in the step (on 2 shared cores a new JVM can take two minutes to compile a
     * route's code, docs/performance.md), or the step's CPU per request is below
     * {@link #STILL_FALLING} of the lowest before it.
     *
     * @return the seconds it was warmed
     */
    private int warm(AppProcess app, Endpoint e) throws Exception {
        int first = Math.max(0, o.warmupSeconds() - WARMUP_STEP_SECONDS);
        long errors = 0;
        if (first > 0) {
            errors += wrk.run(app.baseUrl(), e, first, BenchDatabase.ROWS).errors();
        }
        int warmed = first;
        double lowest = Double.MAX_VALUE;
        while (warmed < o.maxWarmupSeconds()) {
            int step = Math.min(WARMUP_STEP_SECONDS, Math.max(1, o.warmupSeconds() - first));
            double cpu0 = app.cpuMillis();
            double jit0 = app.jitMillis();
            Wrk.Result w = wrk.run(app.baseUrl(), e, step, BenchDatabase.ROWS);
            double cpu1 = app.cpuMillis();
            double jit1 = app.jitMillis();
            boolean compiling = jit0 >= 0 && jit1 >= 0 && cpu1 > cpu0 && (jit1 - jit0) >= JIT_AT_WORK * (cpu1 - cpu0);
            warmed += step;
            errors += w.errors();
            double perRequest = cpu0 < 0 || cpu1 < 0 || w.requests() == 0 ? Double.NaN : (cpu1 - cpu0) / w.requests();
            boolean falling = perRequest < STILL_FALLING * lowest;
            lowest = Math.min(lowest, perRequest);
            if (warmed >= o.warmupSeconds() && !falling && !compiling) {
                break;
            }
        }
        if (errors > 0) {
            System.out.printf("   warm-up %s %s: %d errors (see %s)%n", app.family().id(), e, errors, app.log());
        }
        Thread.sleep(o.settleMillis()); // let the warm-up's last JIT compilations finish
        return warmed;
    }

    /**
     * @param admin a connection to the primary
     * @param replicaAdmin a connection to the standby, for a family reading from it; else null
     */
    private Measurement measure(Connection admin, Connection replicaAdmin, AppProcess app, Endpoint e, int round,
                                int warmed) throws Exception {
        String name = AppProcess.applicationName(app.family());
        double load1 = Machine.load1();
        long b0 = app.borrows();
        double app0 = app.cpuMillis();
        double db0 = CpuClock.backendMillis(admin, name);
        double replica0 = replicaAdmin == null ? 0 : CpuClock.backendMillis(replicaAdmin, name);
        Wrk.Result w = wrk.run(app.baseUrl(), e, o.seconds(), BenchDatabase.ROWS);
        double app1 = app.cpuMillis();
        double db1 = CpuClock.backendMillis(admin, name);
        double replica1 = replicaAdmin == null ? 0 : CpuClock.backendMillis(replicaAdmin, name);
        AppProcess.Info info = app.info();
        double replica = replica0 < 0 || replica1 < 0 ? -1 : replica1 - replica0;
        double database = db0 < 0 || db1 < 0 || replica < 0 ? -1 : db1 - db0 + replica;
        Measurement m = new Measurement(round, app.family().id(), e, w, info.borrows() - b0, load1, info,
                app0 < 0 || app1 < 0 ? -1 : app1 - app0, database, replica, warmed);
        System.out.printf(Locale.ROOT, "   %-6s %-26s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d"
                        + "  borrows/req %.3f  CPU/req app %4.0f µs db %4.0f µs%s  load %.2f  warmed %d s%n", e,
                app.family().id(),
                w.throughput(), w.p50Micros() / 1000.0, w.p99Micros() / 1000.0, w.errors(),
                w.requests() == 0 ? 0 : (double) m.borrows() / w.requests(), m.appCpuPerRequest(), m.dbCpuPerRequest(),
                replicaAdmin == null ? "" : String.format(Locale.ROOT, " (standby %4.0f µs)", m.replicaDbCpuPerRequest()),
                load1, warmed);
        return m;
    }

    private Profile profile(AppProcess app, Endpoint e) throws Exception {
        Path file = o.workDir().resolve("profile").resolve(app.family().id() + "-" + e.script() + ".jfr").toAbsolutePath();
        Files.createDirectories(file.getParent());
        app.request("POST", "/bench/jfr/start", "{}");
        Wrk.Result w = wrk.run(app.baseUrl(), e, o.profileSeconds(), BenchDatabase.ROWS);
        app.request("POST", "/bench/jfr/stop?file=" + file, "{}");
        AppProcess.Info info = app.info();
        JfrProfile.Summary summary = JfrProfile.read(file);
        System.out.printf(Locale.ROOT, "   %-6s %-26s %8.0f req/s under JFR, %d samples, %s%n", e, app.family().id(),
                w.throughput(), summary.samples(), file);
        return new Profile(app.family().id(), e, o.profileSeconds(), w.throughput(), summary, info);
    }

    private void checkFreeConnections() throws Exception {
        // the engine's pool and, with @ReadOnly, its read pool on the primary
        int needed = 2 * o.poolSize() + 5;
        try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('max_connections')::int - (SELECT count(*) FROM"
                     + " pg_stat_activity) - current_setting('superuser_reserved_connections')::int")) {
            rs.next();
            if (rs.getInt(1) < needed) {
                throw new IllegalStateException("the HTTP phase needs " + needed + " free connections (two pools of "
                        + o.poolSize() + " and the run's own) but PostgreSQL has " + rs.getInt(1));
            }
        }
    }
}
