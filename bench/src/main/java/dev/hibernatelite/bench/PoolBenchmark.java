package dev.hibernatelite.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of HikariCP (as dropwizard-hibernate-lite configures it) against tomcat-jdbc (as
 * Dropwizard's {@code DataSourceFactory} builds it) on a real PostgreSQL, both fixed pools of
 * {@value BenchSettings#POOL_SIZE} connections. Threads are chosen on the command line
 * ({@code -t 1}, {@code -t 4}, {@code -t 16}); {@link PoolChoiceReport} runs all of them and
 * writes the report.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PoolBenchmark -t 4}. The database is
 * taken from {@value BenchSettings#URL_VARIABLE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PoolBenchmark {
    /** Which pool. */
    @Param({Pools.HIKARI, Pools.TOMCAT})
    public String pool;

    private Pools.Pool started;
    private DataSource dataSource;

    /** Starts the pool and waits until it holds all its connections. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        started = Pools.create(pool, BenchSettings.url(), BenchSettings.POOL_SIZE);
        started.awaitSize(BenchSettings.POOL_SIZE, 30_000);
        dataSource = started.dataSource();
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        started.close();
    }

    /** getConnection + close. */
    @Benchmark
    public long borrowReturn() throws SQLException {
        return Workload.borrowReturn(dataSource);
    }

    /** getConnection + SELECT 1 + close. */
    @Benchmark
    public long borrowSelectReturn() throws SQLException {
        return Workload.borrowSelectReturn(dataSource);
    }

    /** getConnection + (auto-commit off if on) + SELECT 1 + commit + (auto-commit back) + close. */
    @Benchmark
    public long borrowTransactionReturn() throws SQLException {
        return Workload.borrowTransactionReturn(dataSource);
    }
}
