package dev.hibernatelite.internal.health;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.internal.async.AsyncEngine;
import dev.hibernatelite.internal.engine.Engine;
import dev.hibernatelite.internal.engine.Engines;
import io.dropwizard.core.setup.Environment;

/**
 * Registers a health check and metrics for every engine, sync and async, and removes the
 * metrics again when the engines close.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineMonitoring {
    private EngineMonitoring() {
    }

    /**
     * @param engines the started engines
     * @param environment the application's environment
     */
    public static void register(Engines engines, Environment environment) {
        for (Engine engine : engines.all()) {
            environment.healthChecks().register(EngineHealthCheck.nameOf(engine),
                    new EngineHealthCheck(engine, environment.getHealthCheckExecutorService()));
            HibernateStatisticsMetrics.register(engine, environment.metrics());
        }
        for (AsyncEngine engine : engines.async().all()) {
            environment.healthChecks().register(AsyncEngineHealthCheck.nameOf(engine),
                    new AsyncEngineHealthCheck(engine, environment.getHealthCheckExecutorService()));
            AsyncPoolMetrics.register(engine, environment.metrics());
        }
    }

    /**
     * @param engines the engines about to close
     * @param metrics the application's registry
     */
    public static void removeMetrics(Engines engines, MetricRegistry metrics) {
        engines.all().forEach(engine -> HibernateStatisticsMetrics.remove(engine, metrics));
        engines.async().all().forEach(engine -> AsyncPoolMetrics.remove(engine, metrics));
    }
}
