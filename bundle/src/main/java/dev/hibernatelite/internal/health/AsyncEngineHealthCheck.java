package dev.hibernatelite.internal.health;

import dev.hibernatelite.internal.JdbcUrls;
import dev.hibernatelite.internal.async.AsyncEngine;
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
public final class AsyncEngineHealthCheck extends BoundedHealthCheck {
    private final AsyncEngine engine;

    /**
     * @param engine the async engine to check
     * @param executor Dropwizard's health-check executor
     */
    public AsyncEngineHealthCheck(AsyncEngine engine, ExecutorService executor) {
        super(executor, engine.settings().validationTimeoutMillis(),
                engine.settings().yamlPath() + ".validationQueryTimeout");
        this.engine = engine;
    }

    /** @return the name the check is registered under */
    public static String nameOf(AsyncEngine engine) {
        return "hibernate-lite.async." + engine.name();
    }

    @Override
    Result probe(long start) {
        engine.mutiny().withSession(session -> session.createNativeQuery("SELECT 1").getSingleResult())
                .await().atMost(Duration.ofMillis(boundMillis()));
        return healthy("answered in " + elapsedMillis(start) + " ms", start);
    }

    @Override
    ResultBuilder details(ResultBuilder builder, long start) {
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
    String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        String password = engine.settings().password();
        if (password != null && !password.isEmpty()) {
            text = text.replace(password, "****");
        }
        return JdbcUrls.mask(text);
    }

    @Override
    public String toString() {
        return "AsyncEngineHealthCheck{" + engine.name() + "}";
    }
}
