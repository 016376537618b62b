package dev.hibernatelite.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.internal.config.EngineSettings;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * One named engine: its connection pool, its Hibernate {@link SessionFactory} and the mapping
 * it was built from. Closing it closes the factory, then drains the pool.
 *
 * <p>Internal: not part of the public API.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineSettings settings;
    private final HikariDataSource dataSource;
    private final IsolatingDataSource isolating;
    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private final SessionFactory sessionFactory;
    private final List<Class<?>> entities;
    private final DatabaseInfo databaseInfo;

    Engine(EngineSettings settings, HikariDataSource dataSource, IsolatingDataSource isolating,
           StandardServiceRegistry registry,
           Metadata metadata, SessionFactory sessionFactory, List<Class<?>> entities, DatabaseInfo databaseInfo) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.isolating = isolating;
        this.registry = registry;
        this.metadata = metadata;
        this.sessionFactory = sessionFactory;
        this.entities = List.copyOf(entities);
        this.databaseInfo = databaseInfo;
    }

    /** @return the engine's name */
    public String name() {
        return settings.name();
    }

    /** @return the validated configuration */
    public EngineSettings settings() {
        return settings;
    }

    /** @return the connection pool */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** @return what Hibernate takes connections from: the pool, or a test isolation's connection */
    public IsolatingDataSource isolating() {
        return isolating;
    }

    /** @return the service registry the factory was built with (schema tools need it) */
    public StandardServiceRegistry registry() {
        return registry;
    }

    /** @return the mapping of the engine's entities */
    public Metadata metadata() {
        return metadata;
    }

    /** @return the session factory */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** @return the entity classes bound to this engine */
    public List<Class<?>> entities() {
        return entities;
    }

    /** @return what the database said at startup, empty if it did not answer then */
    public Optional<DatabaseInfo> databaseInfo() {
        return Optional.ofNullable(databaseInfo);
    }

    /**
     * Connects to the database outside the pool and asks what it is: to tell why the pool
     * cannot connect.
     *
     * @param timeoutMillis how long connecting may take
     * @return what the database says about itself
     * @throws Exception what connecting failed with
     */
    public DatabaseInfo probeDatabase(long timeoutMillis) throws Exception {
        return DatabaseProbe.probe(settings, timeoutMillis);
    }

    /** Closes the session factory, shuts down an in-memory database the engine owns, drains the pool. */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            sessionFactory.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            StandardServiceRegistryBuilder.destroy(registry);
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        if (settings.shutdownOnClose()) {
            shutDownInMemoryDatabase(name(), dataSource);
        }
        try {
            dataSource.close();
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        LOG.info("engine '{}' closed", name());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Shuts down an H2 in-memory database the engine made live as long as itself.
     *
     * @param engine the engine's name, for the log
     * @param dataSource the engine's pool
     */
    static void shutDownInMemoryDatabase(String engine, HikariDataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (Statement st = connection.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("engine '{}': could not shut down its in-memory database: {}", engine, e.toString());
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException expected) {
                    // the pool's rollback-on-return fails: the database is gone, as intended
                }
            }
        }
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public String toString() {
        return "Engine{" + settings + "}";
    }
}
