package dev.hibernatelite.internal.async;

import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.health.BoundedHealthCheck;

import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Checks one async engine: runs {@code SELECT 1} in a session of its own, never longer than the
 * engine's {@code validationQueryTimeout}; an unhealthy result carries the database's own error,
 * with secrets masked.
 *
 * <p>Internal: not part of the public API.
 */
final class AsyncEngineHealthCheck extends BoundedHealthCheck {
    private final ReactiveEngine engine;

    /**
     * @param engine the async engine to check
     * @param executor Dropwizard's health-check executor
     */
    public AsyncEngineHealthCheck(ReactiveEngine engine, ExecutorService executor) {
        super(executor, engine.settings().validationTimeoutMillis(),
                engine.settings().yamlPath() + ".validationQueryTimeout");
        this.engine = engine;
    }

    /** @return the name the check is registered under */
    public static String nameOf(ReactiveEngine engine) {
        return "hibernate-lite.async." + engine.name();
    }

    @Override
    protected Result probe(long start) {
        engine.mutiny().withSession(session -> session.createNativeQuery("SELECT 1").getSingleResult())
                .await().atMost(Duration.ofMillis(boundMillis()));
        return healthy("answered in " + elapsedMillis(start) + " ms", start);
    }

    @Override
    protected ResultBuilder details(ResultBuilder builder, long start) {
        builder.withDetail("engine", engine.name())
                .withDetail("url", engine.settings().maskedUrl())
                .withDetail("latencyMillis", elapsedMillis(start))
                .withDetail("maxSize", engine.settings().maxSize());
        Pool pool = engine.pool();
        if (pool != null) {
            builder.withDetail("connections", pool.size());
        }
        return builder;
    }

    @Override
    protected String describe(Throwable failure) {
        return Secrets.describe(failure, engine.settings().password());
    }

    @Override
    public String toString() {
        return "AsyncEngineHealthCheck{" + engine.name() + "}";
    }
}
