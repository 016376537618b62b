package dev.hibernatelite.bench;

import dev.hibernatelite.bench.PoolChoiceResults.Diagnostic;
import dev.hibernatelite.bench.PoolChoiceResults.Fork;
import dev.hibernatelite.bench.report.PoolChoiceView;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs everything behind the pool choice (the JMH throughput of both pools at 1, 4 and 16 threads,
 * what PostgreSQL sees per operation, the behaviour checks), keeps it as plain data
 * ({@link PoolChoiceResults}, written as JSON, and every iteration as CSV) and renders
 * {@code bench/results/pool-choice.md} from it with {@link PoolChoiceView}.
 *
 * <p>Throughput runs are interleaved to spread drift in machine load evenly over both pools:
 * {@code rounds} rounds, each running every thread count for both pools in one fork each, the pool
 * order alternating. JMH writes each fork's results as JSON, read back with Jackson.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.hibernatelite.bench.PoolChoiceReport [--quick] [--rounds N]
 * [--skip-jmh] [--skip-diagnostics] [--out FILE] [--csv FILE] [--data FILE] [--render FILE.json]}
 */
public final class PoolChoiceReport {
    private static final List<Integer> THREADS = List.of(1, 4, 16);
    private static final List<String> POOLS = List.of(Pools.HIKARI, Pools.TOMCAT);
    private static final List<Diagnostic> DIAGNOSTICS = List.of(
            new Diagnostic(Pools.HIKARI_NO_METRICS, "borrowReturn"),
            new Diagnostic(Pools.HIKARI_AUTO_COMMIT, "borrowSelectReturn"));

    private PoolChoiceReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String prefix = quick ? "bench/target/pool-choice-quick" : "bench/results/pool-choice";
        Path out = Path.of(prefix + ".md");
        Path data = Path.of(prefix + ".json");
        Path csv = Path.of(quick ? prefix + "-iterations.csv" : "bench/results/pool-benchmark-iterations.csv");
        Path render = null;
        int rounds = 2;
        boolean jmh = true;
        boolean diagnostics = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(args[++i]);
                case "--csv" -> csv = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--render" -> render = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--skip-jmh" -> jmh = false;
                case "--skip-diagnostics" -> diagnostics = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PoolChoiceResults results;
        if (render != null) {
            results = Json.MAPPER.readValue(render.toFile(), PoolChoiceResults.class);
        } else {
            results = collect(quick, rounds, jmh, diagnostics ? DIAGNOSTICS : List.of());
            Json.write(data, results);
            if (!results.forks().isEmpty()) {
                Files.createDirectories(csv.toAbsolutePath().getParent());
                Files.writeString(csv, csv(results.forks()));
            }
            System.out.println("== wrote " + data + (results.forks().isEmpty() ? "" : " and " + csv));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, PoolChoiceView.render(results));
        System.out.println("== wrote " + out);
    }

    private static PoolChoiceResults collect(boolean quick, int rounds, boolean jmh, List<Diagnostic> diagnostics)
            throws Exception {
        String url = BenchSettings.url();
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.collect(url);
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

        PoolChoiceResults.Method method = new PoolChoiceResults.Method(rounds, THREADS, diagnostics, quick ? 1 : 3,
                (quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1)).toString(), quick ? 2 : 5,
                (quick ? TimeValue.milliseconds(300) : TimeValue.seconds(2)).toString(), BenchSettings.POOL_SIZE,
                BenchSettings.DRIVER, Pools.tomcatDefaultMaxWait().toString(), StatementCounts.OPERATIONS,
                StatementCounts.WARMUP);
        List<Fork> forks = new ArrayList<>();
        for (int round = 1; jmh && round <= rounds; round++) {
            for (int t = 0; t < THREADS.size(); t++) {
                boolean hikariFirst = (round + t) % 2 == 1;
                List<Diagnostic> jobs = new ArrayList<>();
                POOLS.forEach(p -> jobs.add(new Diagnostic(p, null)));
                List<Diagnostic> extra = new ArrayList<>(diagnostics);
                if (!hikariFirst) {
                    Collections.reverse(jobs);
                    Collections.reverse(extra);
                }
                jobs.addAll(extra);
                for (Diagnostic job : jobs) {
                    forks.addAll(fork(quick, round, THREADS.get(t), job));
                }
            }
        }
        return new PoolChoiceResults(new PoolChoiceResults.Run(started.toString(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), quick, loadBefore, Machine.loadAverage(),
                BenchSettings.displayUrl(url)), machine, method, forks, counts, exhaustion, down, open);
    }

    /** @return one fork of {@link PoolBenchmark} per benchmark (all three, or the job's one) */
    private static List<Fork> fork(boolean quick, int round, int threads, Diagnostic job) throws Exception {
        double load1 = Machine.load1();
        System.out.printf(Locale.ROOT, "== JMH round %d, %d thread(s), %s%s, load %.2f%n", round, threads, job.pool(),
                job.benchmark() == null ? "" : " " + job.benchmark(), load1);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(PoolBenchmark.class.getName()) + "\\."
                        + (job.benchmark() == null ? "" : Pattern.quote(job.benchmark()) + "$"))
                .param("pool", job.pool())
                .threads(threads)
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(quick ? TimeValue.milliseconds(300) : TimeValue.seconds(2))
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true);
        Path file = Path.of("bench/target/pool-run", String.format(Locale.ROOT, "round%d-t%d-%s%s.json", round, threads,
                job.pool(), job.benchmark() == null ? "" : "-" + job.benchmark()));
        List<Fork> forks = new ArrayList<>();
        for (JmhJson.Score s : JmhJson.run(options, file)) {
            for (List<Double> iterations : s.rawData()) {
                forks.add(new Fork(round, threads, job.pool(), s.benchmark(), load1, iterations));
            }
        }
        return forks;
    }

    private static String csv(List<Fork> forks) {
        StringBuilder raw = new StringBuilder("round,threads,pool,benchmark,iteration,ops_per_ms,load1_at_fork_start\n");
        for (Fork f : forks) {
            for (int i = 0; i < f.iterations().size(); i++) {
                raw.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%d,%.4f,%.2f%n", f.round(), f.threads(), f.pool(),
                        f.benchmark(), i + 1, f.iterations().get(i), f.load1()));
            }
        }
        return raw.toString();
    }
}
