package dev.hibernatelite.it.support;

import dev.hibernatelite.testfixtures.Eventually;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Reads an engine's connection pool: live counts from the pool itself (reached through
 * Hibernate's public unwrap API), the borrow count from the metrics the bundle registers.
 */
public final class Pools {
    private final MetricRegistry metrics;
    private final String waitTimer;
    private final String waitingSessions;
    private final HikariPoolMXBean pool;

    public Pools(MetricRegistry metrics, String engine, SessionFactory sessionFactory) {
        this.metrics = metrics;
        this.waitTimer = "hibernate-lite." + engine + ".pool.Wait";
        this.waitingSessions = "hibernate-lite." + engine + ".pool.WaitingSessions";
        DataSource dataSource = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(DataSource.class);
        try {
            this.pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return connections currently borrowed from the pool */
    public int active() {
        return pool.getActiveConnections();
    }

    /** @return callers currently waiting for a connection: sessions in the engine's gate, and callers in the pool */
    public int pending() {
        Gauge<?> gate = metrics.getGauges().get(waitingSessions);
        return pool.getThreadsAwaitingConnection() + (gate == null ? 0 : (Integer) gate.getValue());
    }

    /** @return how many times a connection was borrowed since the pool started */
    public long borrows() {
        Timer wait = metrics.getTimers().get(waitTimer);
        if (wait == null) {
            throw new AssertionError("no metric " + waitTimer + "; metrics: " + metrics.getNames());
        }
        return wait.getCount();
    }

    /** Waits (bounded) until no connection is borrowed and nobody waits for one. */
    public void awaitIdle() {
        awaitIdle(0);
    }

    /** Waits (bounded) until at most {@code held} connections are borrowed and nobody waits for one. */
    public void awaitIdle(int held) {
        Eventually.await("at most " + held + " active and no pending connection", Duration.ofSeconds(10),
                () -> active() <= held && pending() == 0, () -> "active=" + active() + ", pending=" + pending());
    }
}
