package dev.hibernatelite.bench;

import dev.hibernatelite.testfixtures.PgWireCounter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what PostgreSQL sees per operation for each pool, two independent ways:
 *
 * <ol>
 *   <li>on the wire: the pool talks to PostgreSQL through a {@link PgWireCounter} relay, which
 *       counts round trips and statement executions by SQL text during {@value #OPERATIONS}
 *       operations (after {@value #WARMUP} unmeasured ones, so the driver has server-prepared
 *       its statements);</li>
 *   <li>on the server: {@code pg_stat_database.xact_commit} / {@code xact_rollback} deltas of the
 *       benchmark database over a whole pool lifetime (start, operations, close), minus the
 *       deltas of a lifetime without operations, divided by the number of operations.</li>
 * </ol>
 */
public final class StatementCounts {
    static final int WARMUP = 100;
    static final int OPERATIONS = 2000;
    private static final String APPLICATION_NAME = "hibernate-lite-bench-counts";

    private StatementCounts() {
    }

    /** Per-operation figures of one pool variant and one operation. */
    public record Row(String variant, Workload.Operation operation, double roundTrips, double statements,
                      Map<String, Double> statementsByText, double xactCommits, double xactRollbacks,
                      long rawCommitDelta, long rawRollbackDelta, long baselineCommitDelta,
                      long baselineRollbackDelta) {
    }

    /** @return the rows of every variant × operation */
    public static List<Row> measure(String url, List<PoolVariant> variants) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (PoolVariant variant : variants) {
            long[] baseline = lifetime(url, variant, null);
            for (Workload.Operation operation : Workload.Operation.values()) {
                try (PgWireCounter relay = new PgWireCounter(BenchSettings.host(url), BenchSettings.port(url), 0)) {
                    long[] before = xacts(url);
                    PgWireCounter.Counts counts = run(url, variant, operation, relay);
                    long[] after = awaitBackendsGone(url);
                    long commits = after[0] - before[0];
                    long rollbacks = after[1] - before[1];
                    int n = WARMUP + OPERATIONS;
                    Map<String, Double> byText = new LinkedHashMap<>();
                    counts.executedByText().forEach((sql, c) -> byText.put(sql, c / (double) OPERATIONS));
                    rows.add(new Row(variant.label(), operation,
                            counts.roundTrips() / (double) OPERATIONS, counts.statements() / (double) OPERATIONS,
                            byText, (commits - baseline[0]) / (double) n, (rollbacks - baseline[1]) / (double) n,
                            commits, rollbacks, baseline[0], baseline[1]));
                    System.out.printf("counts: %-34s %-24s %s%n", variant.label(), operation, rows.get(rows.size() - 1));
                }
            }
        }
        return rows;
    }

    /** A pool lifetime without operations: start, fill, close. @return commit and rollback deltas */
    private static long[] lifetime(String url, PoolVariant variant, Workload.Operation operation) throws Exception {
        try (PgWireCounter relay = new PgWireCounter(BenchSettings.host(url), BenchSettings.port(url), 0)) {
            long[] before = xacts(url);
            run(url, variant, operation, relay);
            long[] after = awaitBackendsGone(url);
            return new long[] {after[0] - before[0], after[1] - before[1]};
        }
    }

    private static PgWireCounter.Counts run(String url, PoolVariant variant, Workload.Operation operation,
                                            PgWireCounter relay) throws Exception {
        String relayed = BenchSettings.redirect(url, relay.port(), "ApplicationName=" + APPLICATION_NAME);
        PgWireCounter.Counts counts;
        try (Pools.Pool pool = variant.factory().start(relayed, BenchSettings.POOL_SIZE)) {
            pool.awaitSize(BenchSettings.POOL_SIZE, 30_000);
            if (operation != null) {
                for (int i = 0; i < WARMUP; i++) {
                    operation.run(pool.dataSource());
                }
                relay.reset();
                for (int i = 0; i < OPERATIONS; i++) {
                    operation.run(pool.dataSource());
                }
            }
            counts = relay.counts();
        }
        return counts;
    }

    /**
     * Waits until the pool's server sessions have ended (a session's statistics reach
     * pg_stat_database when it ends), then reads the counters.
     */
    private static long[] awaitBackendsGone(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = DriverManager.getConnection(monitorUrl(url));
                 PreparedStatement s = c.prepareStatement(
                         "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                s.setString(1, APPLICATION_NAME);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        break;
                    }
                }
            }
            Thread.sleep(50);
        }
        Thread.sleep(500);
        return xacts(url);
    }

    /**
     * Reads the benchmark database's transaction counters. The reading session connects to the
     * {@code postgres} database (when there is one), so its own transactions do not show in the
     * benchmark database's counters.
     */
    static long[] xacts(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(monitorUrl(url));
             PreparedStatement s = c.prepareStatement("SELECT xact_commit, xact_rollback FROM pg_stat_database"
                     + " WHERE datname = ?")) {
            s.setString(1, BenchSettings.database(url));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static final Map<String, String> MONITOR_URLS = new java.util.concurrent.ConcurrentHashMap<>();

    static String monitorUrl(String url) {
        return MONITOR_URLS.computeIfAbsent(url, u -> {
            String monitor = BenchSettings.withDatabase(u, "postgres");
            try (Connection c = DriverManager.getConnection(monitor)) {
                return c.isClosed() ? u : monitor;
            } catch (SQLException e) {
                return u;
            }
        });
    }
}
