package dev.hibernatelite.internal.async;

import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.engine.ConnectionFailures;
import dev.hibernatelite.internal.engine.CountingStatistics;
import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.message.Messages;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import dev.hibernatelite.internal.engine.NulCharacterCheck;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.pool.ReactiveConnectionPool;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.stage.Stage;
import org.hibernate.reactive.vertx.VertxInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One named async engine: Hibernate Reactive's session factory on a Vert.x SQL client pool, on
 * the bundle's Vert.x instance (so that the bundle, not Hibernate Reactive, owns the event-loop
 * threads and closes them on every path). Closing it closes the factory and its pool.
 *
 * <p>Internal: not part of the public API.
 */
final class ReactiveEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveEngine.class);

    private final AsyncEngineSettings settings;
    private final Vertx vertx;
    private final StandardServiceRegistry registry;
    private final SessionFactory ormFactory;
    private final Mutiny.SessionFactory mutinyFactory;

    private ReactiveEngine(AsyncEngineSettings settings, Vertx vertx, StandardServiceRegistry registry,
                           SessionFactory ormFactory) {
        this.settings = settings;
        this.vertx = vertx;
        this.registry = registry;
        this.ormFactory = ormFactory;
        this.mutinyFactory = ormFactory.unwrap(Mutiny.SessionFactory.class);
    }

    /**
     * @param s the engine's validated settings
     * @param entities the entity classes bound to it
     * @param vertx the Vert.x instance its sessions run on
     * @return the engine
     * @throws EngineConfigurationException if Hibernate rejects the mapping; nothing is left open then
     */
    static ReactiveEngine start(AsyncEngineSettings s, List<Class<?>> entities, Vertx vertx) {
        try {
            return boot(s, entities, vertx, Map.of());
        } catch (RuntimeException e) {
            String dialect = dialectOf(s.scheme());
            if (dialect == null || s.properties().containsKey(AvailableSettings.DIALECT)
                    || !ConnectionFailures.isConnectionClass(e)) {
                throw rejected(s, e);
            }
            // The database did not answer: boot from what the URL says instead of asking it.
            LOG.warn(Messages.startedWithoutDatabase(s.name(), s.url(), Secrets.describe(e, s.password())));
            try {
                return boot(s, entities, vertx, Map.of(AvailableSettings.DIALECT, dialect));
            } catch (RuntimeException again) {
                throw rejected(s, again);
            }
        }
    }

    private static ReactiveEngine boot(AsyncEngineSettings s, List<Class<?>> entities, Vertx vertx,
                                       Map<String, Object> extra) {
        Map<String, Object> settings = hibernateSettings(s);
        settings.putAll(extra);
        StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                .applySettings(settings)
                .addService(VertxInstance.class, (VertxInstance) () -> vertx)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            SessionFactory factory = sources.buildMetadata().getSessionFactoryBuilder().build();
            NulCharacterCheck.registerOn(factory);
            LOG.info("async engine '{}' started: {}, {} entities, pool {}", s.name(), s.maskedUrl(), entities.size(),
                    s.maxSize());
            return new ReactiveEngine(s, vertx, registry, factory);
        } catch (RuntimeException e) {
            ReactiveServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static EngineConfigurationException rejected(AsyncEngineSettings s, RuntimeException e) {
        if (e instanceof EngineConfigurationException) {
            return (EngineConfigurationException) e;
        }
        return new EngineConfigurationException(Messages.hibernateRejectsEntities(s.name(), s.yamlPath(),
                Secrets.describe(e, s.password())), e);
    }

    /** @return Hibernate's dialect for a URL scheme, or null when the scheme does not say */
    static String dialectOf(String scheme) {
        switch (scheme == null ? "" : scheme) {
            case "postgresql":
            case "postgres":
                return "org.hibernate.dialect.PostgreSQLDialect";
            case "mariadb":
                return "org.hibernate.dialect.MariaDBDialect";
            case "mysql":
                return "org.hibernate.dialect.MySQLDialect";
            case "cockroachdb":
                return "org.hibernate.dialect.CockroachDialect";
            case "sqlserver":
                return "org.hibernate.dialect.SQLServerDialect";
            case "db2":
                return "org.hibernate.dialect.DB2Dialect";
            case "oracle":
                return "org.hibernate.dialect.OracleDialect";
            default:
                return null;
        }
    }

    private static Map<String, Object> hibernateSettings(AsyncEngineSettings s) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.URL, s.url());
        if (s.user() != null) {
            settings.put(AvailableSettings.USER, s.user());
        }
        if (s.password() != null) {
            settings.put(AvailableSettings.PASS, s.password());
        }
        settings.put(AvailableSettings.POOL_SIZE, String.valueOf(s.maxSize()));
        settings.put(Settings.POOL_CONNECT_TIMEOUT, String.valueOf(s.maxWaitMillis()));
        settings.put(Settings.POOL_IDLE_TIMEOUT, String.valueOf(s.idleMillis()));
        if (s.maxWaitQueueSize() > 0) {
            settings.put(Settings.POOL_MAX_WAIT_QUEUE_SIZE, String.valueOf(s.maxWaitQueueSize()));
        }
        settings.put(Settings.SQL_CLIENT_POOL, ObservableSqlClientPool.class.getName());
        settings.put(AvailableSettings.GENERATE_STATISTICS, "true");
        // statistics feed the metrics; without this, Hibernate logs a "Session Metrics" block at INFO per session
        settings.put(AvailableSettings.LOG_SESSION_METRICS, "false");
        settings.put(AvailableSettings.STATS_BUILDER, CountingStatistics.FACTORY);
        settings.putAll(s.properties());
        return settings;
    }

    /** @return the engine's name */
    String name() {
        return settings.name();
    }

    /** @return the validated configuration */
    AsyncEngineSettings settings() {
        return settings;
    }

    /** @return the Vert.x instance the engine's sessions run on */
    Vertx vertx() {
        return vertx;
    }

    /** @return the Mutiny session factory */
    Mutiny.SessionFactory mutiny() {
        return mutinyFactory;
    }

    /** @return the CompletionStage session factory (a view of the same factory) */
    Stage.SessionFactory stage() {
        return ormFactory.unwrap(Stage.SessionFactory.class);
    }

    /** @return the underlying ORM session factory (statistics, metamodel) */
    SessionFactory ormFactory() {
        return ormFactory;
    }

    /** @return the Vert.x pool, or null if Hibernate Reactive was configured with another pool */
    Pool pool() {
        ObservableSqlClientPool pool = observablePool();
        return pool == null ? null : pool.vertxPool();
    }

    /**
     * @return the pool users get ({@code db.async().pool()}), test isolation aware
     * @throws IllegalStateException if Hibernate Reactive was configured with another pool
     */
    Pool userPool() {
        ObservableSqlClientPool pool = observablePool();
        if (pool == null) {
            throw new IllegalStateException("async engine '" + name() + "' was configured with another"
                    + " hibernate.vertx.pool.class: its pool is that class's own");
        }
        return pool.userView();
    }

    private ObservableSqlClientPool observablePool() {
        ReactiveConnectionPool pool = registry.getService(ReactiveConnectionPool.class);
        return pool instanceof ObservableSqlClientPool ? (ObservableSqlClientPool) pool : null;
    }

    /**
     * Starts a test isolation of this engine.
     *
     * @throws Exception if no connection could be held
     */
    void isolate() throws Exception {
        ObservableSqlClientPool pool = observablePool();
        if (pool == null) {
            throw new IllegalStateException("async engine '" + name() + "' was configured with another"
                    + " hibernate.vertx.pool.class, which test isolation cannot work with");
        }
        pool.isolate(settings.maxWaitMillis());
    }

    /**
     * Ends the test isolation, rolling back everything done in it.
     *
     * @throws Exception if the rollback failed
     */
    void endIsolation() throws Exception {
        ObservableSqlClientPool pool = observablePool();
        if (pool != null) {
            pool.endIsolation(settings.maxWaitMillis());
        }
    }

    /** Closes the session factory and, with its service registry, the connection pool. */
    @Override
    public void close() {
        try {
            mutinyFactory.close();
        } finally {
            ReactiveServiceRegistryBuilder.destroy(registry);
            LOG.info("async engine '{}' closed", name());
        }
    }

    @Override
    public String toString() {
        return "ReactiveEngine{" + settings + "}";
    }
}
