package dev.hibernatelite.internal.async;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;

import io.vertx.sqlclient.Pool;
import org.hibernate.stat.Statistics;

/**
 * Metrics of one async engine, named {@code hibernate-lite.async.<engine>.*}: the Vert.x pool's
 * size and bound, and Hibernate's counts of sessions, queries and entities (Hibernate Reactive
 * 2.4 does not count its transactions in Hibernate's statistics, so there is no such gauge).
 *
 * <p>Internal: not part of the public API.
 */
final class AsyncPoolMetrics {
    private AsyncPoolMetrics() {
    }

    /** @return the prefix of an async engine's metrics */
    public static String prefix(ReactiveEngine engine) {
        return "hibernate-lite.async." + engine.name() + ".";
    }

    /**
     * @param engine the async engine
     * @param metrics the application's registry
     */
    public static void register(ReactiveEngine engine, MetricRegistry metrics) {
        String prefix = prefix(engine);
        metrics.register(prefix + "pool.MaxConnections", (Gauge<Integer>) () -> engine.settings().maxSize());
        metrics.register(prefix + "pool.TotalConnections", (Gauge<Integer>) () -> {
            Pool pool = engine.pool();
            return pool == null ? 0 : pool.size();
        });
        Statistics statistics = engine.ormFactory().getStatistics();
        if (statistics.isStatisticsEnabled()) {
            metrics.register(prefix + "hibernate.sessionsOpened", (Gauge<Long>) statistics::getSessionOpenCount);
            metrics.register(prefix + "hibernate.sessionsClosed", (Gauge<Long>) statistics::getSessionCloseCount);
            metrics.register(prefix + "hibernate.queries", (Gauge<Long>) statistics::getQueryExecutionCount);
            metrics.register(prefix + "hibernate.entityInserts", (Gauge<Long>) statistics::getEntityInsertCount);
            metrics.register(prefix + "hibernate.entityLoads", (Gauge<Long>) statistics::getEntityLoadCount);
        }
    }

    /**
     * @param engine the async engine
     * @param metrics the application's registry
     */
    public static void remove(ReactiveEngine engine, MetricRegistry metrics) {
        String prefix = prefix(engine);
        metrics.removeMatching((name, metric) -> name.startsWith(prefix));
    }
}
