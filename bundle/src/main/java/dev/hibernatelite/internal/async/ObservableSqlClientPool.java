package dev.hibernatelite.internal.async;

import io.vertx.sqlclient.Pool;
import org.hibernate.reactive.pool.impl.DefaultSqlClientPool;

/**
 * Hibernate Reactive's own pool, with its Vert.x {@link Pool} made reachable for metrics and
 * the health check. Configured through {@code hibernate.vertx.pool.class}.
 *
 * <p>Internal: not part of the public API.
 */
public class ObservableSqlClientPool extends DefaultSqlClientPool {
    /** Instantiated by Hibernate Reactive. */
    public ObservableSqlClientPool() {
    }

    /** @return the Vert.x pool, or null before the service started */
    public Pool vertxPool() {
        return getPool();
    }
}
