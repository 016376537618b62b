package dev.hibernatelite.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs everything behind the pool choice and writes it as one Markdown report: the JMH
 * throughput of both pools at 1, 4 and 16 threads, what PostgreSQL sees per operation, and the
 * behaviour checks.
 *
 * <p>Throughput runs are interleaved to spread drift in machine load evenly over both pools:
 * {@code rounds} rounds, each running every thread count for both pools in one fork each, the
 * pool order alternating. A row's figure is the mean over all measurement iterations of all its
 * forks, its error the half-width of the 99.9% confidence interval (Student t), as JMH computes it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.hibernatelite.bench.PoolChoiceReport
 * [--out FILE] [--csv FILE] [--rounds N] [--quick] [--skip-jmh] [--skip-diagnostics]}
 */
public final class PoolChoiceReport {
    private static final int[] THREADS = {1, 4, 16};
    private static final String[] POOLS = {Pools.HIKARI, Pools.TOMCAT};
    private static final double CONFIDENCE = 0.999;
    /**
     * Extra runs that explain differences: the bundle's HikariCP configuration changed in one
     * setting, on the one benchmark the setting affects.
     */
    private static final List<String[]> DIAGNOSTICS = List.of(
            new String[] {Pools.HIKARI_NO_METRICS, "borrowReturn"},
            new String[] {Pools.HIKARI_AUTO_COMMIT, "borrowSelectReturn"});

    private PoolChoiceReport() {
    }

    /** Measurements of one benchmark × threads × pool. */
    private static final class Cell {
        final ListStatistics iterations = new ListStatistics();
        final List<Double> forkMeans = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("bench/results/pool-choice.md");
        Path csv = Path.of("bench/results/pool-benchmark-iterations.csv");
        int rounds = 2;
        boolean quick = false;
        boolean skipJmh = false;
        boolean diagnostics = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--csv" -> csv = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                case "--skip-jmh" -> skipJmh = true;
                case "--skip-diagnostics" -> diagnostics = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String url = BenchSettings.url();
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = loadAverage();
        Map<String, String> machine = machine(url);

        System.out.println("== statement and transaction counts");
        List<StatementCounts.Row> counts = StatementCounts.measure(url,
                List.of(PoolVariant.hikari(), PoolVariant.hikariAutoCommit(), PoolVariant.tomcat()));
        System.out.println("== behaviour checks");
        List<PoolFacts.Exhaustion> exhaustion = PoolFacts.exhaustion(url);
        exhaustion.forEach(System.out::println);
        List<PoolFacts.DatabaseDown> down = PoolFacts.databaseDown(url);
        down.forEach(System.out::println);
        List<PoolFacts.OpenTransaction> open = PoolFacts.openTransactionOnReturn(url);
        open.forEach(System.out::println);

        Map<String, Cell> cells = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder("round,threads,pool,benchmark,iteration,ops_per_ms,load1_at_fork_start\n");
        List<Double> loads = new ArrayList<>();
        int warmupIterations = quick ? 1 : 3;
        int measurementIterations = quick ? 2 : 5;
        TimeValue warmupTime = quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
        TimeValue measurementTime = quick ? TimeValue.milliseconds(300) : TimeValue.seconds(2);
        if (!skipJmh) {
            for (int round = 1; round <= rounds; round++) {
                for (int t = 0; t < THREADS.length; t++) {
                    boolean hikariFirst = (round + t) % 2 == 1;
                    String[] order = hikariFirst ? POOLS : new String[] {POOLS[1], POOLS[0]};
                    List<String[]> jobs = new ArrayList<>();
                    for (String pool : order) {
                        jobs.add(new String[] {pool, null});
                    }
                    if (diagnostics) {
                        List<String[]> extra = new ArrayList<>(DIAGNOSTICS);
                        if (!hikariFirst) {
                            java.util.Collections.reverse(extra);
                        }
                        jobs.addAll(extra);
                    }
                    for (String[] job : jobs) {
                        String pool = job[0];
                        String load1 = loadAverage().split(" ")[0];
                        loads.add(Double.parseDouble(load1.equals("?") ? "NaN" : load1));
                        System.out.printf("== JMH round %d/%d, %d thread(s), %s%s, load %s%n", round, rounds,
                                THREADS[t], pool, job[1] == null ? "" : " " + job[1], load1);
                        Options options = new OptionsBuilder()
                                .include("^" + Pattern.quote(PoolBenchmark.class.getName()) + "\\."
                                        + (job[1] == null ? "" : Pattern.quote(job[1]) + "$"))
                                .param("pool", pool)
                                .threads(THREADS[t])
                                .forks(1)
                                .warmupIterations(warmupIterations)
                                .warmupTime(warmupTime)
                                .measurementIterations(measurementIterations)
                                .measurementTime(measurementTime)
                                .jvmArgs("-Xms512m", "-Xmx512m")
                                .shouldFailOnError(true)
                                .build();
                        for (RunResult result : new Runner(options).run()) {
                            String benchmark = result.getParams().getBenchmark();
                            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                            Cell cell = cells.computeIfAbsent(key(benchmark, THREADS[t], pool), k -> new Cell());
                            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                                ListStatistics forkStats = new ListStatistics();
                                int i = 0;
                                for (IterationResult iteration : fork.getIterationResults()) {
                                    double score = iteration.getPrimaryResult().getScore();
                                    cell.iterations.addValue(score);
                                    forkStats.addValue(score);
                                    raw.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%d,%.4f,%s%n",
                                            round, THREADS[t], pool, benchmark, ++i, score, load1));
                                }
                                cell.forkMeans.add(forkStats.getMean());
                            }
                        }
                    }
                }
            }
        }
        String loadAfter = loadAverage();
        OffsetDateTime finished = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        String report = render(url, machine, started, finished, loadBefore, loadAfter, loads, cells, counts, exhaustion,
                down, open, rounds, warmupIterations, warmupTime, measurementIterations, measurementTime, quick);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        if (!skipJmh) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            Files.writeString(csv, raw.toString());
        }
        System.out.println("== wrote " + out + (skipJmh ? "" : " and " + csv));
    }

    private static String key(String benchmark, int threads, String pool) {
        return benchmark + "|" + threads + "|" + pool;
    }

    private static String render(String url, Map<String, String> machine, OffsetDateTime started,
                                 OffsetDateTime finished, String loadBefore, String loadAfter,
                                 List<Double> loads, Map<String, Cell> cells, List<StatementCounts.Row> counts,
                                 List<PoolFacts.Exhaustion> exhaustion, List<PoolFacts.DatabaseDown> down,
                                 List<PoolFacts.OpenTransaction> open, int rounds, int warmupIterations,
                                 TimeValue warmupTime, int measurementIterations, TimeValue measurementTime,
                                 boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("# Connection pool choice: HikariCP vs tomcat-jdbc, measured\n\n");
        md.append("Generated by `bench/run-pool-benchmark.sh` (class `dev.hibernatelite.bench.PoolChoiceReport`)")
                .append(" from ").append(started).append(" to ").append(finished).append(".")
                .append(quick ? " **QUICK RUN: too short for conclusions.**" : "").append("\n\n");

        md.append("## Machine\n\n| what | value |\n| --- | --- |\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| load average (1/5/15 min) before → after | ").append(loadBefore).append(" → ")
                .append(loadAfter).append(" |\n");
        if (!loads.isEmpty()) {
            ListStatistics l = new ListStatistics();
            loads.forEach(l::addValue);
            md.append(String.format(Locale.ROOT, "| 1-min load average when each JMH fork started | %.2f to %.2f, mean %.2f |%n",
                    l.getMin(), l.getMax(), l.getMean()));
        }
        md.append("| database | `").append(BenchSettings.displayUrl(url)).append("` (from `")
                .append(BenchSettings.URL_VARIABLE).append("` or the default) |\n\n");
        md.append("PostgreSQL runs on the same 2 cores as the benchmark, so every figure includes the server's own")
                .append(" work and the machine's contention; they compare the pools with each other, they are not")
                .append(" capacity figures.\n\n");

        md.append("## Pools as configured\n\n");
        md.append("Both: fixed pool of ").append(BenchSettings.POOL_SIZE).append(" connections (max = min idle = ")
                .append(BenchSettings.POOL_SIZE).append("), driver `").append(BenchSettings.DRIVER)
                .append("`, the same URL.\n\n");
        md.append("- **hikari**: `HikariConfig` exactly as dropwizard-hibernate-lite's `EngineBuilder#poolConfig` builds")
                .append(" it for an engine with default settings: `autoCommit=false`, `connectionTimeout=5s`,")
                .append(" `validationTimeout=3s`, no `connectionTestQuery` (validation by JDBC `isValid`, which")
                .append(" HikariCP runs on borrow only for a connection idle for more than 500 ms),")
                .append(" `maxLifetime=30min`, `initializationFailTimeout=-1`, metrics into a Dropwizard")
                .append(" `MetricRegistry` (timers updated on every borrow, as in an application).\n");
        md.append("- **tomcat-jdbc**: what dropwizard-db users get: `io.dropwizard.db.DataSourceFactory` with its")
                .append(" defaults, only `url`, `driverClass`, `initialSize`/`minSize`/`maxSize` set, then")
                .append(" `build(...)` and `start()` (what Dropwizard's lifecycle calls). Its defaults that matter")
                .append(" here: auto-commit left to the driver (on), validation query `/* Health Check */ SELECT 1`")
                .append(" run on connect and on idle connections every 5 s if not validated for 30 s, not on")
                .append(" borrow or return, `maxWaitForConnection=").append(Pools.tomcatDefaultMaxWait())
                .append("`, fair queue, `rollbackOnReturn=false`, `commitOnReturn=false`.\n\n");
        md.append("Auto-commit stays at each configuration's own setting: the bundle turns it off because")
                .append(" Hibernate always works in transactions, Dropwizard leaves it on. The operations:\n\n")
                .append("1. `borrowReturn`: `getConnection()` + `close()`.\n")
                .append("2. `borrowSelectReturn`: borrow, `SELECT 1` as a `PreparedStatement` in whatever mode the")
                .append(" pool hands out, return.\n")
                .append("3. `borrowTransactionReturn`: borrow, `setAutoCommit(false)` only if the connection came")
                .append(" with auto-commit on, `SELECT 1`, `commit()`, `setAutoCommit(true)` again if it was")
                .append(" switched (what Hibernate's resource-local transactions do), return.\n\n");

        md.append("## Throughput (ops/ms, higher is better)\n\n");
        if (cells.isEmpty()) {
            md.append("_Skipped in this run (`--skip-jmh`)._\n\n");
        } else {
            md.append("JMH ").append(jmhVersion()).append(", throughput mode. ").append(rounds)
                    .append(" rounds × 1 fork per benchmark × pool × threads, each fork ").append(warmupIterations)
                    .append(" × ").append(warmupTime).append(" warmup then ").append(measurementIterations)
                    .append(" × ").append(measurementTime).append(" measurement; the pool order alternates")
                    .append(" between thread counts and rounds. ± is the 99.9% confidence half-width over all")
                    .append(" measurement iterations (n = ").append(rounds * measurementIterations)
                    .append("). The ratio's ± is propagated from both (first order). \"within error\" means the")
                    .append(" two 99.9% intervals overlap.\n\n");
            md.append("| benchmark | threads | hikari | tomcat-jdbc | hikari / tomcat | verdict | fork means hikari | fork means tomcat |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
            for (Workload.Operation op : Workload.Operation.values()) {
                for (int threads : THREADS) {
                    Cell h = cells.get(key(op.name(), threads, Pools.HIKARI));
                    Cell t = cells.get(key(op.name(), threads, Pools.TOMCAT));
                    if (h == null || t == null) {
                        continue;
                    }
                    double hm = h.iterations.getMean();
                    double he = h.iterations.getMeanErrorAt(CONFIDENCE);
                    double tm = t.iterations.getMean();
                    double te = t.iterations.getMeanErrorAt(CONFIDENCE);
                    double ratio = hm / tm;
                    double ratioError = ratio * Math.sqrt(Math.pow(he / hm, 2) + Math.pow(te / tm, 2));
                    String verdict = verdict(hm, he, tm, te, "hikari");
                    md.append(String.format(Locale.ROOT, "| %s | %d | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %s | %s | %s |%n",
                            op.name(), threads, hm, he, tm, te, ratio, ratioError, verdict,
                            means(h.forkMeans), means(t.forkMeans)));
                }
            }
            boolean anyDiagnostic = false;
            StringBuilder diag = new StringBuilder();
            diag.append("\n### Where the differences come from (diagnostic runs)\n\n")
                    .append("The bundle's HikariCP configuration with one setting changed, run in the same rounds")
                    .append(" on the benchmark that setting affects, and compared with the same run's tomcat-jdbc.")
                    .append(" `hikari-no-metrics`: no `MetricRegistry` (HikariCP then records no borrow timers).")
                    .append(" `hikari-autocommit`: `autoCommit=true`, HikariCP's own default (no `BEGIN`, no")
                    .append(" `ROLLBACK` on return). Neither is a proposed configuration.\n\n")
                    .append("| benchmark | threads | variant | variant ops/ms | hikari (bundle) ops/ms | tomcat-jdbc ops/ms | variant / tomcat | verdict |\n")
                    .append("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |\n");
            for (String[] d : DIAGNOSTICS) {
                for (int threads : THREADS) {
                    Cell v = cells.get(key(d[1], threads, d[0]));
                    Cell h = cells.get(key(d[1], threads, Pools.HIKARI));
                    Cell t = cells.get(key(d[1], threads, Pools.TOMCAT));
                    if (v == null || h == null || t == null) {
                        continue;
                    }
                    anyDiagnostic = true;
                    double vm = v.iterations.getMean();
                    double ve = v.iterations.getMeanErrorAt(CONFIDENCE);
                    double tm = t.iterations.getMean();
                    double te = t.iterations.getMeanErrorAt(CONFIDENCE);
                    diag.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %s |%n",
                            d[1], threads, d[0], vm, ve, h.iterations.getMean(),
                            h.iterations.getMeanErrorAt(CONFIDENCE), tm, te, vm / tm,
                            vm / tm * Math.sqrt(Math.pow(ve / vm, 2) + Math.pow(te / tm, 2)),
                            verdict(vm, ve, tm, te, d[0])));
                }
            }
            if (anyDiagnostic) {
                md.append(diag);
            }
            md.append("\nEvery measurement iteration is in `bench/results/pool-benchmark-iterations.csv`.\n\n");
        }

        md.append("## What PostgreSQL sees per operation\n\n");
        md.append("Measured single-threaded, two independent ways. **On the wire**: the pool connects through a")
                .append(" loopback relay (`PgWireCounter`) that reads the frontend side of the PostgreSQL protocol")
                .append(" and counts round trips (flights of client messages after which the driver waits for the server;")
                .append(" the driver pipelines `BEGIN` with the first query, so that pair is one round trip) and")
                .append(" statement executions by SQL text, over ").append(StatementCounts.OPERATIONS)
                .append(" operations after ").append(StatementCounts.WARMUP).append(" unmeasured ones.")
                .append(" **On the server**: `pg_stat_database.xact_commit` / `xact_rollback` of the benchmark")
                .append(" database over a whole pool lifetime (start, ").append(StatementCounts.WARMUP).append(" + ")
                .append(StatementCounts.OPERATIONS).append(" operations, close), minus a lifetime without")
                .append(" operations, divided by the operations; read from the `postgres` database so the reads")
                .append(" do not count. `pg_stat_statements` is not loaded on this server and `log_statement` is")
                .append(" off, so neither is used. Other sessions using the same database at the same time would")
                .append(" add to the server-side figures (not to the wire figures).\n\n");
        md.append("| pool | operation | round trips / op | statements / op (by SQL) | xact_commit / op | xact_rollback / op |\n");
        md.append("| --- | --- | ---: | --- | ---: | ---: |\n");
        for (StatementCounts.Row r : counts) {
            StringBuilder byText = new StringBuilder();
            r.statementsByText().forEach((sql, n) -> byText.append(byText.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "`%s` × %.2f", sql, n)));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f%s | %.2f | %.2f |%n", r.variant(),
                    r.operation(), r.roundTrips(), r.statements(),
                    byText.length() == 0 ? "" : " (" + byText + ")", r.xactCommits(), r.xactRollbacks()));
        }
        md.append("\nRaw server deltas (commit/rollback, operation lifetime vs empty lifetime): ");
        List<String> rawDeltas = new ArrayList<>();
        for (StatementCounts.Row r : counts) {
            rawDeltas.add(String.format(Locale.ROOT, "%s %s %d/%d vs %d/%d", r.variant(), r.operation(),
                    r.rawCommitDelta(), r.rawRollbackDelta(), r.baselineCommitDelta(), r.baselineRollbackDelta()));
        }
        md.append(String.join("; ", rawDeltas)).append(".\n\n");
        md.append("`hikari autoCommit=true` is not a candidate configuration; it is there to show which")
                .append(" differences come from the auto-commit setting rather than from the pool.\n\n");

        md.append("## Behaviour checks\n\nEach checked by `PoolFacts` against the same database in this run.\n\n");
        md.append("### Pool exhausted\n\nA pool of 2 with both connections borrowed; a third `getConnection()`.")
                .append(" Then again, with one connection returned 500 ms into the wait.\n\n");
        md.append("| pool | configured wait | nobody returns: waited, then | one returned after 500 ms: waited, then |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (PoolFacts.Exhaustion e : exhaustion) {
            md.append("| ").append(e.variant()).append(" | ").append(e.configuredWait()).append(" | ")
                    .append(outcome(e.timedOut())).append(" | ").append(outcome(e.servedOnReturn())).append(" |\n");
        }
        md.append("\n### Starting while the database is down\n\nThe pool is pointed at a closed local port;")
                .append(" after the first borrow the port starts relaying to the real database, and borrowing is")
                .append(" retried every 100 ms until a connection comes (at most 60 s).\n\n");
        md.append("| pool | start | first getConnection() | once the database is up |\n| --- | --- | --- | --- |\n");
        for (PoolFacts.DatabaseDown d : down) {
            md.append("| ").append(d.variant()).append(" | ").append(outcome(d.start())).append(" | ")
                    .append(d.firstBorrow() == null ? "-" : outcome(d.firstBorrow())).append(" | ")
                    .append(d.borrowAfterDatabaseUp() == null ? "-" : outcome(d.borrowAfterDatabaseUp()))
                    .append(" |\n");
        }
        md.append("\nFor tomcat-jdbc, `start` is `ManagedPooledDataSource.start()`, the method Dropwizard's")
                .append(" lifecycle calls at application start; a `Managed` whose `start()` throws stops the")
                .append(" application from starting (Dropwizard/Jetty lifecycle behaviour, not exercised here).")
                .append(" The HikariCP configuration is the bundle's (`initializationFailTimeout=-1`);")
                .append(" HikariCP's own default (1 ms) would fail fast instead.\n\n");
        md.append("### Connection returned in the middle of a transaction\n\nPool of 1. A: create a session")
                .append(" temporary table (committed). B: auto-commit off if it was on, `INSERT` one row, `close()`")
                .append(" without commit or rollback. Then the server's view of that session")
                .append(" (`pg_stat_activity.state`). C: the next borrower runs an ordinary transaction of its own")
                .append(" (auto-commit off if on, `SELECT 1`, commit, auto-commit restored). D: count the rows.\n\n");
        md.append("| pool | session state after B's close | C got auto-commit | rows C sees | rows after C's commit |\n");
        md.append("| --- | --- | --- | ---: | ---: |\n");
        for (PoolFacts.OpenTransaction o : open) {
            md.append("| ").append(o.variant()).append(" | ").append(o.serverStateAfterReturn()).append(" | ")
                    .append(o.nextBorrowerAutoCommit()).append(" | ").append(o.rowsNextBorrowerSees()).append(" | ")
                    .append(o.rowsAfterNextBorrowersCommit()).append(" |\n");
        }
        md.append("\nRows after C's commit = 1 means B's abandoned write was committed by another request's")
                .append(" commit; 0 means the pool rolled it back when B returned the connection. tomcat-jdbc")
                .append(" applies `rollbackOnReturn` only when its default auto-commit is explicitly `false`")
                .append(" (`ConnectionPool.terminateTransaction`), which the rows above show.\n\n");

        md.append("## Reproduce\n\n```sh\n# PostgreSQL reachable at $").append(BenchSettings.URL_VARIABLE)
                .append(" (default ").append(BenchSettings.DEFAULT_URL).append(")\n")
                .append("bench/run-pool-benchmark.sh            # everything, writes this file (~14 min on 2 cores)\n")
                .append("bench/run-pool-benchmark.sh --quick    # smoke run, figures meaningless\n")
                .append("# one JMH run by hand:\n")
                .append("java -jar bench/target/benchmarks.jar PoolBenchmark -t 4 -p pool=hikari,tomcat-jdbc\n```\n");
        return md.toString();
    }

    private static String verdict(double mean, double error, double tomcatMean, double tomcatError, String name) {
        if (Double.isNaN(error) || Double.isNaN(tomcatError)) {
            return "n/a (too few iterations)";
        }
        if (mean - error > tomcatMean + tomcatError) {
            return name + " faster";
        }
        if (tomcatMean - tomcatError > mean + error) {
            return "tomcat-jdbc faster";
        }
        return "within error";
    }

    private static String means(List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join(" / ", parts);
    }

    private static String outcome(PoolFacts.Outcome o) {
        return o.millis() + " ms, " + o.result().replace("|", "\\|");
    }

    private static Map<String, String> machine(String url) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        m.put("memory", memTotal());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (forks: -Xms512m -Xmx512m)");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                m.put("PostgreSQL", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT current_setting('max_connections'),"
                    + " current_setting('shared_preload_libraries')")) {
                rs.next();
                m.put("PostgreSQL settings", "max_connections=" + rs.getString(1) + ", shared_preload_libraries='"
                        + rs.getString(2) + "'");
            }
        }
        Map<String, String> versions = dependencyVersions();
        m.put("HikariCP", versions.getOrDefault("com.zaxxer:HikariCP", "?"));
        m.put("tomcat-jdbc", versions.getOrDefault("org.apache.tomcat:tomcat-jdbc", "?")
                + " (through io.dropwizard:dropwizard-db " + versions.getOrDefault("io.dropwizard:dropwizard-db", "?") + ")");
        m.put("PostgreSQL JDBC driver", versions.getOrDefault("org.postgresql:postgresql", "?"));
        m.put("metrics-core", versions.getOrDefault("io.dropwizard.metrics:metrics-core", "?"));
        return m;
    }

    private static String jmhVersion() {
        return dependencyVersions().getOrDefault("org.openjdk.jmh:jmh-core", "?");
    }

    /** @return groupId:artifactId → version, from the list the build recorded */
    static Map<String, String> dependencyVersions() {
        Map<String, String> versions = new TreeMap<>();
        Pattern line = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+:(?:[\\w.\\-]+:)?([\\w.\\-]+):(compile|runtime|provided|test|system)\\b.*");
        try (InputStream in = PoolChoiceReport.class.getResourceAsStream("/bench-dependencies.txt")) {
            if (in == null) {
                return versions;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            while ((l = reader.readLine()) != null) {
                var m = line.matcher(l);
                if (m.matches()) {
                    versions.put(m.group(1) + ":" + m.group(2), m.group(3));
                }
            }
        } catch (IOException e) {
            // no versions then
        }
        return versions;
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
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
