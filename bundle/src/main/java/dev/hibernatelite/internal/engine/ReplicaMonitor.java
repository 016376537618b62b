package dev.hibernatelite.internal.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One background thread per engine with replicas that asks each replica, every second, how far
 * behind the primary it replays (on PostgreSQL, from {@code pg_last_xact_replay_timestamp()}; on
 * other databases only whether it answers), and so takes a replica out of the rotation while it
 * lags or does not answer, and puts it back when it does.
 *
 * <p>Internal: not part of the public API.
 */
final class ReplicaMonitor implements AutoCloseable {
    private static final long PERIOD_MILLIS = 1_000;
    // A standby that has replayed everything it received is not behind, however old its last transaction.
    private static final String LAG = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE COALESCE(CAST(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000 AS BIGINT), 0) END";

    private final List<Replica> replicas;
    private final boolean postgresql;
    private final long maxLagMillis;
    private final Runnable changed;
    private final ScheduledExecutorService scheduler;

    ReplicaMonitor(String engine, boolean postgresql, List<Replica> replicas, long maxLagMillis, Runnable changed) {
        this.replicas = replicas;
        this.postgresql = postgresql;
        this.maxLagMillis = maxLagMillis;
        this.changed = changed;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hibernate-lite." + engine + ".replica-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::checkAll, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        boolean anyChanged = false;
        for (Replica replica : replicas) {
            anyChanged |= check(replica);
        }
        if (anyChanged) {
            changed.run();
        }
    }

    private boolean check(Replica replica) {
        try (Connection connection = replica.pool().getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            if (!postgresql) {
                // other databases: a replica that answers serves reads; lag is not measured
                statement.execute("SELECT 1");
                return replica.observed(0, maxLagMillis);
            }
            try (ResultSet lag = statement.executeQuery(LAG)) {
                lag.next();
                return replica.observed(lag.getLong(1), maxLagMillis);
            }
        } catch (SQLException e) {
            return replica.unreachable(e);
        } catch (RuntimeException e) {
            return replica.unreachable(new SQLException(e.toString(), e));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
