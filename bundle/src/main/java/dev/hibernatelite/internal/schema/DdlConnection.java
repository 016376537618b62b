package dev.hibernatelite.internal.schema;

import dev.hibernatelite.internal.engine.SyncEngine;
import org.hibernate.HibernateException;
import org.hibernate.cfg.AvailableSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The connection the schema tasks hand Hibernate: one from the engine's pool in auto-commit.
 * The pool gives connections with auto-commit off (the bundle's default), and Hibernate's schema
 * tooling, handed such a connection, commits it and logs HHH10001501 at INFO on every
 * {@code db create}: a warning the bundle's own defaults would cause. Under a test isolation the
 * tasks keep the isolation's connection (auto-commit there would commit the test's work).
 *
 * <p>Internal: not part of the public API.
 */
final class DdlConnection implements AutoCloseable {
    private final Connection connection;

    private DdlConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param engine the engine whose tables the task looks at
     * @param settings the task's settings, given the connection
     * @return the connection to close after the task (nothing to close when none was taken)
     */
    static DdlConnection open(SyncEngine engine, Map<String, Object> settings) {
        if (engine.entities().isEmpty() || engine.dataSource().isIsolated()) {
            return new DdlConnection(null);
        }
        try {
            Connection connection = engine.pool().getConnection();
            try {
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_CONNECTION, connection);
            return new DdlConnection(connection);
        } catch (SQLException e) {
            throw new HibernateException("could not obtain a connection for the schema task: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                // the pool restores its auto-commit default when it takes the connection back
                connection.close();
            } catch (SQLException e) {
                throw new HibernateException("could not return the schema task's connection: " + e.getMessage(), e);
            }
        }
    }
}
