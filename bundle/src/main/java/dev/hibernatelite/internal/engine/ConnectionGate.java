package dev.hibernatelite.internal.engine;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.internal.message.OutageMessages;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets no more Hibernate sessions hold connections at once than the engine's pool has, so that a
 * session waits here, parked in turn, rather than in HikariCP. A thread waiting in HikariCP costs
 * CPU the whole time others use the pool: every return of a connection spins (yielding the thread)
 * until a waiter takes it, and every waiter wakes the pool's connection-adding thread. Measured on
 * the benchmark's insert route with 16 requests for 8 connections, that was about a fifth of the
 * application's CPU per request (docs/performance.md). Waiting here costs one park and one unpark.
 *
 * <p>The wait counts as waiting for a connection: it ends with the engine's
 * {@code maxWaitForConnection}, and, like a wait in the pool, at once when the database goes down
 * ({@link EngineAvailability#await}), and marks the pool's {@code ConnectionTimeoutRate} meter when it
 * times out. Sessions waiting here are the gauge {@code <pool>.pool.WaitingSessions} and part of the
 * health check's {@code waitingThreads}. Connections taken outside Hibernate (health checks, the
 * {@code db} commands, test isolation) do not pass the gate; when they hold some of the pool, a
 * session that passed the gate can still wait in HikariCP, as before.
 *
 * <p>Internal: not part of the public API.
 */
final class ConnectionGate implements AutoCloseable {
    private final EngineAvailability availability;
    private final String yamlPath;
    private final Semaphore permits;
    private final int size;
    private final long maxWaitMillis;
    private final MetricRegistry metrics;
    private final String timeouts;
    private final String waitingGauge;
    private final Gauge<Integer> waitingSessions = this::waiting;

    /**
     * @param availability the engine's availability (and name): a wait ends at once when the database goes down
     * @param yamlPath the engine's YAML path ({@code engines.default}), for messages
     * @param poolName the pool's name, which prefixes its metrics ({@code hibernate-lite.<engine>})
     * @param size how many sessions may hold a connection at once: the pool's maximum size
     * @param maxWaitMillis the longest a session waits to pass ({@code maxWaitForConnection})
     * @param metrics where the pool's metrics are, or null for none
     */
    ConnectionGate(EngineAvailability availability, String yamlPath, String poolName, int size, long maxWaitMillis,
                   MetricRegistry metrics) {
        this.availability = availability;
        this.yamlPath = yamlPath;
        this.size = size;
        this.maxWaitMillis = maxWaitMillis;
        this.permits = new Semaphore(size, true);
        this.metrics = metrics;
        this.timeouts = poolName + ".pool.ConnectionTimeoutRate";
        this.waitingGauge = poolName + ".pool.WaitingSessions";
        if (metrics != null) {
            metrics.remove(waitingGauge);
            metrics.register(waitingGauge, waitingSessions);
        }
    }

    /**
     * Passes the gate, waiting for a session to leave it while all {@code size} are in.
     *
     * @throws SQLException an {@link EngineDownException} while the database is down, or a
     *         {@link SQLTransientConnectionException} when no session left within {@code maxWaitMillis}
     */
    void enter() throws SQLException {
        if (permits.tryAcquire()) {
            return;
        }
        availability.await(() -> {
            try {
                if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                    if (metrics != null) {
                        metrics.meter(timeouts).mark();
                    }
                    throw new SQLTransientConnectionException(
                            OutageMessages.noConnectionInTime(availability.engine(), yamlPath, size, maxWaitMillis));
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("engine '" + availability.engine()
                        + "': interrupted while waiting for a connection", e);
            }
        });
    }

    /**
     * Passes the gate, then borrows; a borrow that fails leaves the gate at once.
     *
     * @param borrow what takes the connection
     * @param <T> the connection's type
     * @return the connection; whoever closes it {@link #leave}s
     * @throws SQLException what {@link #enter} or the borrow throws
     */
    <T> T open(EngineAvailability.Wait<T> borrow) throws SQLException {
        enter();
        try {
            return borrow.run();
        } catch (SQLException | RuntimeException | Error e) {
            leave();
            throw e;
        }
    }

    /** Leaves the gate: the session gave its connection back. */
    void leave() {
        permits.release();
    }

    /** @return how many threads wait to pass (an estimate, as the JDK's semaphore gives it) */
    int waiting() {
        return permits.getQueueLength();
    }

    /** Removes the gate's gauge (not one a later engine of the same name registered): the engine is closing. */
    @Override
    public void close() {
        if (metrics != null) {
            metrics.removeMatching((name, metric) -> metric == waitingSessions && name.equals(waitingGauge));
        }
    }
}
