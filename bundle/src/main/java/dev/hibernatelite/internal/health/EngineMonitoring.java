package dev.hibernatelite.internal.health;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;
import io.dropwizard.core.setup.Environment;

/**
 * Registers a health check ({@code hibernate-lite.<engine>}) and metrics for every sync engine,
 * and removes the metrics again when the engines close. (Async engines register their own.)
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
    public static void register(SyncEngines engines, Environment environment) {
        for (SyncEngine engine : engines.all()) {
            environment.healthChecks().register(EngineHealthCheck.nameOf(engine),
                    new EngineHealthCheck(engine, environment.getHealthCheckExecutorService()));
            HibernateStatisticsMetrics.register(engine, environment.metrics());
            environment.metrics().gauge(availableGauge(engine), () -> () -> engine.availability().up() ? 1 : 0);
        }
    }

    /**
     * @param engines the engines about to close
     * @param metrics the application's registry
     */
    public static void removeMetrics(SyncEngines engines, MetricRegistry metrics) {
        engines.all().forEach(engine -> {
            HibernateStatisticsMetrics.remove(engine, metrics);
            metrics.remove(availableGauge(engine));
        });
    }

    /**
     * @param engine an engine
     * @return the name of its gauge: 1 while it serves, 0 while its database is known to be down
     */
    public static String availableGauge(SyncEngine engine) {
        return "hibernate-lite." + engine.name() + ".available";
    }
}
