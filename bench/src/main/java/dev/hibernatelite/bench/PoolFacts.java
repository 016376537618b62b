package dev.hibernatelite.bench;
import dev.hibernatelite.testfixtures.PgWireCounter;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import com.codahale.metrics.MetricRegistry;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Behaviour checks that matter to users, each run against the real database: what a caller gets
 * when the pool is exhausted, whether the pool starts while the database is down (and recovers),
 * and what happens to a transaction left open when a connection goes back to the pool.
 */
public final class PoolFacts {
    private PoolFacts() {
    }

    /** What a caller saw: how long it waited and what it got. */
    public record Outcome(long millis, String result) {
        static Outcome of(long startNanos, Throwable failure) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            return new Outcome(ms, failure == null ? "returned normally" : describe(failure));
        }
    }

    /** Exhaustion: all connections borrowed, one more asked for. */
    public record Exhaustion(String variant, String configuredWait, Outcome timedOut, Outcome servedOnReturn) {
    }

    /** Starting with the database down, then bringing it up. */
    public record DatabaseDown(String variant, Outcome start, Outcome firstBorrow, Outcome borrowAfterDatabaseUp) {
    }

    /** A connection returned with a transaction open (one INSERT, no commit or rollback). */
    public record OpenTransaction(String variant, String serverStateAfterReturn, boolean nextBorrowerAutoCommit,
                                  long rowsNextBorrowerSees, long rowsAfterNextBorrowersCommit) {
    }

    /** @return exhaustion outcomes of HikariCP (bundle config) and tomcat-jdbc (Dropwizard defaults) */
    public static List<Exhaustion> exhaustion(String url) throws Exception {
        List<Exhaustion> result = new ArrayList<>();
        result.add(exhaustion(PoolVariant.hikari(), url, "connectionTimeout 5 s (bundle default)"));
        result.add(exhaustion(PoolVariant.tomcat(), url,
                "maxWaitForConnection " + Pools.tomcatDefaultMaxWait() + " (Dropwizard default)"));
        return result;
    }

    private static Exhaustion exhaustion(PoolVariant variant, String url, String configuredWait) throws Exception {
        int size = 2;
        try (Pools.Pool pool = variant.factory().start(url, size)) {
            pool.awaitSize(size, 30_000);
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                held.add(pool.dataSource().getConnection());
            }
            // 1. nobody returns: how long does the caller wait, what does it get?
            long start = System.nanoTime();
            Throwable failure = null;
            try (Connection extra = pool.dataSource().getConnection()) {
                extra.isValid(1);
            } catch (SQLException e) {
                failure = e;
            }
            Outcome timedOut = Outcome.of(start, failure);
            // 2. a connection comes back 500 ms later: is the waiting caller served then?
            long start2 = System.nanoTime();
            CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
                try (Connection extra = pool.dataSource().getConnection()) {
                    return extra.isClosed() ? new IllegalStateException("closed connection") : null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            held.remove(0).close();
            Throwable waiterFailure = waiter.get(60, TimeUnit.SECONDS);
            Outcome served = Outcome.of(start2, waiterFailure);
            for (Connection c : held) {
                c.close();
            }
            return new Exhaustion(variant.label(), configuredWait, timedOut, served);
        }
    }

    /** @return start-with-database-down outcomes of both pools */
    public static List<DatabaseDown> databaseDown(String url) throws Exception {
        List<DatabaseDown> result = new ArrayList<>();
        result.add(hikariDatabaseDown(url));
        result.add(tomcatDatabaseDown(url));
        return result;
    }

    private static DatabaseDown hikariDatabaseDown(String url) throws Exception {
        int port = freePort();
        String downUrl = BenchSettings.redirect(url, port, null);
        long start = System.nanoTime();
        Pools.Pool pool;
        try {
            pool = Pools.hikari(downUrl, BenchSettings.POOL_SIZE, c -> { });
        } catch (RuntimeException e) {
            return new DatabaseDown(PoolVariant.hikari().label(), Outcome.of(start, e), null, null);
        }
        try (pool) {
            Outcome started = Outcome.of(start, null);
            Outcome firstBorrow = borrowOnce(pool.dataSource());
            try (PgWireCounter up = new PgWireCounter(BenchSettings.host(url), BenchSettings.port(url), port)) {
                assert up.port() == port;
                Outcome after = borrowUntilServed(pool.dataSource());
                return new DatabaseDown(PoolVariant.hikari().label(), started, firstBorrow, after);
            }
        }
    }

    private static DatabaseDown tomcatDatabaseDown(String url) throws Exception {
        int port = freePort();
        String downUrl = BenchSettings.redirect(url, port, null);
        DataSourceFactory factory = Pools.tomcatFactory(downUrl, BenchSettings.POOL_SIZE);
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "bench-down");
        try {
            long start = System.nanoTime();
            Throwable failure = null;
            try {
                dataSource.start();
            } catch (Exception e) {
                failure = e;
            }
            Outcome started = Outcome.of(start, failure);
            Outcome firstBorrow = borrowOnce(dataSource);
            try (PgWireCounter up = new PgWireCounter(BenchSettings.host(url), BenchSettings.port(url), port)) {
                assert up.port() == port;
                Outcome after = borrowUntilServed(dataSource);
                return new DatabaseDown(PoolVariant.tomcat().label(), started, firstBorrow, after);
            }
        } finally {
            dataSource.stop();
        }
    }

    private static Outcome borrowOnce(javax.sql.DataSource dataSource) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            return Outcome.of(start, c.isClosed() ? new IllegalStateException("closed connection") : null);
        } catch (SQLException | RuntimeException e) {
            return Outcome.of(start, e);
        }
    }

    /** Borrows until a connection comes (at most 60 s); the outcome is the time to the first success. */
    private static Outcome borrowUntilServed(javax.sql.DataSource dataSource) throws InterruptedException {
        long start = System.nanoTime();
        Throwable last = null;
        int attempts = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            attempts++;
            try (Connection c = dataSource.getConnection()) {
                Outcome o = Outcome.of(start, c.isClosed() ? new IllegalStateException("closed connection") : null);
                return new Outcome(o.millis(), "served (" + attempts + " getConnection call"
                        + (attempts == 1 ? "" : "s") + ")");
            } catch (SQLException | RuntimeException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        return Outcome.of(start, last);
    }

    /** @return open-transaction-on-return outcomes */
    public static List<OpenTransaction> openTransactionOnReturn(String url) throws Exception {
        List<OpenTransaction> result = new ArrayList<>();
        for (PoolVariant v : List.of(PoolVariant.hikari(), PoolVariant.tomcat(), PoolVariant.tomcatRollbackOnReturn(),
                PoolVariant.tomcatNoAutoCommitRollbackOnReturn())) {
            result.add(openTransactionOnReturn(v, url));
        }
        return result;
    }

    private static OpenTransaction openTransactionOnReturn(PoolVariant variant, String url) throws Exception {
        try (Pools.Pool pool = variant.factory().start(url, 1)) {
            pool.awaitSize(1, 30_000);
            int pid;
            // A: a session-scoped table, committed
            try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
                s.execute("CREATE TEMPORARY TABLE hibernate_lite_bench_orphan (x int)");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            // B: a write inside a transaction, then the connection goes back without commit or rollback
            try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                if (c.getAutoCommit()) {
                    c.setAutoCommit(false);
                }
                s.executeUpdate("INSERT INTO hibernate_lite_bench_orphan VALUES (1)");
            }
            Thread.sleep(200);
            String state = backendState(url, pid);
            // C: the next borrower runs an ordinary transaction of its own
            boolean nextAutoCommit;
            long seen;
            try (Connection c = pool.dataSource().getConnection()) {
                nextAutoCommit = c.getAutoCommit();
                seen = count(c);
                boolean restore = c.getAutoCommit();
                if (restore) {
                    c.setAutoCommit(false);
                }
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1").close();
                }
                c.commit();
                if (restore) {
                    c.setAutoCommit(true);
                }
            }
            // D: what survived?
            long after;
            try (Connection c = pool.dataSource().getConnection()) {
                after = count(c);
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            return new OpenTransaction(variant.label(), state, nextAutoCommit, seen, after);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM hibernate_lite_bench_orphan")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String backendState(String url, int pid) throws SQLException {
        try (Connection c = DriverManager.getConnection(StatementCounts.monitorUrl(url));
             PreparedStatement s = c.prepareStatement("SELECT state FROM pg_stat_activity WHERE pid = ?")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(session gone)";
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return exception class and message, and those of its causes */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth < 3) {
            if (depth > 0) {
                b.append(" ← caused by ");
            }
            b.append(t.getClass().getName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage().strip().replaceAll("\\s+", " "));
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        return b.toString();
    }

    /** Runs all checks and prints them (for a quick look without the report). */
    public static void main(String[] args) throws Exception {
        String url = BenchSettings.url();
        exhaustion(url).forEach(System.out::println);
        databaseDown(url).forEach(System.out::println);
        openTransactionOnReturn(url).forEach(System.out::println);
    }
}
