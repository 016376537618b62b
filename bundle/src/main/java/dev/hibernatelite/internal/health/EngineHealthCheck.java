package dev.hibernatelite.internal.health;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.hibernatelite.internal.engine.DatabaseInfo;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.DatabaseProbe;
import dev.hibernatelite.internal.engine.Replica;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks one engine: borrows a pooled connection and validates it, never longer than the
 * engine's {@code validationQueryTimeout}. When the pool holds no connection at all it
 * connects directly instead, so that an unhealthy result carries the database's own error
 * ("Connection refused", "password authentication failed") rather than a pool timeout.
 * Messages never contain a password.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineHealthCheck extends BoundedHealthCheck {
    private final SyncEngine engine;

    /**
     * @param engine the engine to check
     * @param executor Dropwizard's health-check executor
     */
    public EngineHealthCheck(SyncEngine engine, ExecutorService executor) {
        super(executor, engine.settings().validationTimeoutMillis(),
                engine.settings().yamlPath() + ".validationQueryTimeout");
        this.engine = engine;
    }

    /** @return the name the check is registered under: the engine's pool name */
    public static String nameOf(SyncEngine engine) {
        return "hibernate-lite." + engine.name();
    }

    @Override
    protected Result probe(long start) throws Exception {
        String down = engine.availability().describeDown();
        if (down != null) {
            // The engine's probe is trying already: report what it knows, without connecting again.
            return unhealthy(down, start);
        }
        HikariPoolMXBean pool = engine.pool().getHikariPoolMXBean();
        if (pool != null && pool.getTotalConnections() == 0) {
            // The pool has not connected (yet): ask the database directly, to report why.
            DatabaseProbe.probe(engine.settings(), boundMillis());
        }
        try (Connection connection = engine.openPooledConnection()) {
            int seconds = (int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(boundMillis()));
            String query = engine.settings().validationQuery();
            if (query != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(seconds);
                    statement.execute(query);
                }
                connection.rollback();
            } else if (!connection.isValid(seconds)) {
                return unhealthy("the driver reports the connection as not valid", start);
            }
            DatabaseMetaData meta = connection.getMetaData();
            return healthy(meta.getDatabaseProductName() + " " + meta.getDatabaseMajorVersion() + "."
                    + meta.getDatabaseMinorVersion() + " answered in " + elapsedMillis(start) + " ms"
                    + replicasSummary(), start);
        }
    }

    @Override
    protected ResultBuilder details(ResultBuilder builder, long start) {
        builder.withDetail("engine", engine.name())
                .withDetail("url", engine.settings().maskedUrl())
                .withDetail("latencyMillis", elapsedMillis(start))
                .withDetail("available", engine.availability().up());
        HikariPoolMXBean pool = engine.pool().getHikariPoolMXBean();
        if (pool != null) {
            builder.withDetail("activeConnections", pool.getActiveConnections())
                    .withDetail("idleConnections", pool.getIdleConnections())
                    .withDetail("waitingThreads", engine.waitingForConnection())
                    .withDetail("maxSize", engine.settings().maxSize());
        }
        engine.databaseInfo().map(DatabaseInfo::productName).ifPresent(p -> builder.withDetail("database", p));
        List<Replica> replicas = engine.reads().replicas();
        if (!replicas.isEmpty()) {
            Map<String, Object> each = new LinkedHashMap<>();
            for (Replica replica : replicas) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("url", replica.settings().maskedUrl());
                state.put("servesReads", replica.usable());
                state.put("lagMillis", replica.lagMillis());
                state.put("state", replica.problem());
                each.put(replica.name(), state);
            }
            builder.withDetail("replicas", each);
        }
        return builder;
    }

    /** @return what the message says of the replicas: how many serve reads, or that reads went to the primary */
    private String replicasSummary() {
        List<Replica> replicas = engine.reads().replicas();
        if (replicas.isEmpty()) {
            return "";
        }
        long serving = replicas.stream().filter(Replica::usable).count();
        return serving == 0 ? "; no replica can serve reads, they go to the primary"
                : "; " + serving + " of " + replicas.size() + " replicas serve reads";
    }

    @Override
    protected String describe(Throwable failure) {
        return engine.describe(failure);
    }

    @Override
    public String toString() {
        return "EngineHealthCheck{" + engine.name() + "}";
    }
}
