package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.message.Messages;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named (sync) engine: its HikariCP pool, its Hibernate {@link SessionFactory} and the
 * mapping it was built from. {@link #start} builds it; {@link #close()} closes the factory,
 * then drains the pool.
 *
 * <p>Startup does not need the database: a probe connection outside the pool learns which
 * database answers; when none does, Hibernate is told which database the URL names instead of
 * asking it, and the pool connects once it can.
 *
 * <p>Internal: not part of the public API.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final EngineSettings settings;
    private final HikariDataSource pool;
    private final IsolatingDataSource dataSource;
    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private final SessionFactory sessionFactory;
    private final List<Class<?>> entities;
    private final DatabaseInfo databaseInfo;
    private final ReadPools reads;
    private final EngineAvailability availability;
    private final ConnectionGate gate;

    private SyncEngine(EngineSettings settings, EngineAvailability availability, HikariDataSource pool,
                       IsolatingDataSource dataSource, ConnectionGate gate, ReadPools reads,
                       StandardServiceRegistry registry, Metadata metadata, SessionFactory sessionFactory,
                       List<Class<?>> entities, DatabaseInfo databaseInfo) {
        this.settings = settings;
        this.availability = availability;
        this.pool = pool;
        this.dataSource = dataSource;
        this.gate = gate;
        this.reads = reads;
        this.registry = registry;
        this.metadata = metadata;
        this.sessionFactory = sessionFactory;
        this.entities = List.copyOf(entities);
        this.databaseInfo = databaseInfo;
    }

    /**
     * Probes the database, starts the pool, boots Hibernate on it.
     *
     * @param settings the engine's validated configuration
     * @param entities the entity classes bound to it
     * @param metrics where the pool reports its metrics, or null for none
     * @return the engine, its pool started (connections are made in the background)
     * @throws EngineConfigurationException if Hibernate rejects the mapping or cannot tell the database;
     *         nothing is left open then
     */
    public static SyncEngine start(EngineSettings settings, List<Class<?>> entities, MetricRegistry metrics) {
        return start(settings, entities, metrics, Map.of());
    }

    /**
     * As {@link #start(EngineSettings, List, MetricRegistry)}, with Hibernate settings the bundle
     * adds (the engine's own properties win over them).
     *
     * @param settings the engine's validated configuration
     * @param entities the entity classes bound to it
     * @param metrics where the pool reports its metrics, or null for none
     * @param bundleSettings Hibernate settings from the rest of the bundle
     * @return the engine
     * @throws EngineConfigurationException as the three-argument form
     */
    public static SyncEngine start(EngineSettings settings, List<Class<?>> entities, MetricRegistry metrics,
                                   Map<String, String> bundleSettings) {
        DatabaseInfo info = null;
        Exception unreachable = null;
        try {
            info = DatabaseProbe.probe(settings);
        } catch (Exception e) {
            unreachable = e;
            LOG.warn(Messages.startedWithoutDatabase(settings.name(), settings.configuredUrl(),
                    Secrets.describe(e, settings.password()) + HeldDatabases.hint(e, settings.configuredUrl())));
        }
        if (info == null && settings.vendor() == DatabaseVendor.OTHER
                && !settings.hibernateProperties().containsKey(AvailableSettings.DIALECT)) {
            throw new EngineConfigurationException(List.of(
                    Messages.cannotDetermineDatabase(settings.name(), settings.yamlPath(), settings.configuredUrl())));
        }
        StatementTimeouts.warnIfNotApplied(settings);
        EngineAvailability availability = EngineAvailability.of(settings);
        if (unreachable != null) {
            availability.downAtStartup(unreachable);
        }
        HikariDataSource pool = new HikariDataSource(PoolConfig.of(settings, info, metrics, availability));
        IsolatingDataSource dataSource = new IsolatingDataSource(pool, settings.name(), availability);
        ConnectionGate gate = new ConnectionGate(availability, settings.yamlPath(), PoolConfig.poolName(settings.name()),
                settings.maxSize(), settings.maxWaitMillis(), metrics);
        StandardServiceRegistry registry = null;
        try {
            registry = new StandardServiceRegistryBuilder()
                    .applySettings(HibernateSettings.of(settings, dataSource,
                            new GatedConnectionProvider(dataSource, gate), info, bundleSettings))
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            SessionFactory sessionFactory = metadata.buildSessionFactory();
            NulCharacterCheck.registerOn(sessionFactory);
            LOG.info("engine '{}' started: {} ({}), {} entities, pool {}..{}", settings.name(), settings.maskedUrl(),
                    info == null ? "database not reachable yet" : info.productName() + " " + info.productVersion(),
                    entities.size(), settings.minSize(), settings.maxSize());
            ReadPools reads = ReadPools.start(settings, info, metrics, availability);
            return new SyncEngine(settings, availability, pool, dataSource, gate, reads, registry, metadata, sessionFactory, entities, info);
        } catch (RuntimeException e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            availability.close();
            pool.close();
            gate.close();
            if (settings.shutdownOnClose()) {
                shutDownInMemoryDatabase(settings);
            }
            if (e instanceof EngineConfigurationException) {
                throw e;
            }
            throw new EngineConfigurationException(Messages.hibernateRejectsEntities(settings.name(),
                    settings.yamlPath(), Secrets.describe(e, settings.password())), e);
        }
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
    public HikariDataSource pool() {
        return pool;
    }

    /** @return what Hibernate takes connections from: the pool, or a test isolation's connection */
    public IsolatingDataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection for a read-only session: in auto-commit, held read-only by the database, from a
     * replica when one can serve, else from the primary.
     *
     * @param primaryOnly whether only the primary will do (the context committed on this engine)
     * @return the connection, with its place in the read gate; the caller closes it
     * @throws SQLException if no server hands one out
     */
    public ReadConnection openReadConnection(boolean primaryOnly) throws SQLException {
        return dataSource.readConnection(reads, primaryOnly);
    }

    /**
     * A connection from the engine's pool for a check: refused at once while the database is known
     * to be down, and given up when it goes down meanwhile.
     *
     * @return the connection; the caller closes it
     * @throws SQLException if none can be had
     */
    public Connection openPooledConnection() throws SQLException {
        return availability.borrow(pool);
    }

    /**
     * @return how many threads wait for one of the pool's connections: sessions in the engine's
     *         {@link ConnectionGate} and callers in the pool itself
     */
    public int waitingForConnection() {
        var mxBean = pool.getHikariPoolMXBean();
        return gate.waiting() + (mxBean == null ? 0 : mxBean.getThreadsAwaitingConnection());
    }

    /** @return whether the engine's database is known to be down, and since when */
    public EngineAvailability availability() {
        return availability;
    }

    /** @return the engine's read pools (the replicas' state, for the health check) */
    public ReadPools reads() {
        return reads;
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
     * @param failure a failure of this engine
     * @return its description, with the engine's password and URL secrets masked
     */
    public String describe(Throwable failure) {
        return Secrets.describe(failure, settings.password());
    }

    /** Closes the session factory, shuts down an in-memory database the engine owns, drains the pool. */
    @Override
    public void close() {
        RuntimeException failure = null;
        availability.close();
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
        try {
            reads.close();
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        try {
            pool.close();
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        gate.close();
        if (settings.shutdownOnClose()) {
            shutDownInMemoryDatabase(settings);
        }
        LOG.info("engine '{}' closed", name());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Shuts down an H2 in-memory database the engine made live as long as itself. Called after the
     * pool closed, over a connection of its own that does not create the database again if it is
     * already gone (the pool may have been opening connections up to its close).
     */
    private static void shutDownInMemoryDatabase(EngineSettings settings) {
        try (Connection connection = DatabaseProbe.connect(settings, settings.jdbcUrl() + ";IFEXISTS=TRUE",
                settings.maxWaitMillis()); Statement st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("engine '{}': its in-memory database was already gone: {}", settings.name(), e.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("engine '{}': could not shut down its in-memory database: {}", settings.name(), e.toString());
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
        return "SyncEngine{" + settings + "}";
    }
}
