package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.internal.DatabaseVendor;
import dev.hibernatelite.internal.JdbcUrls;
import dev.hibernatelite.internal.Messages;
import dev.hibernatelite.internal.config.EngineSettings;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Builds one {@link Engine}: probes the database, starts a HikariCP pool, boots Hibernate on
 * it. Startup does not need the database: when it does not answer, Hibernate is told which
 * database the URL names instead of asking it, and the pool connects once it can.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(EngineBuilder.class);
    private static final long WAIT_TIMEOUT_MARGIN_MILLIS = TimeUnit.SECONDS.toMillis(30);
    private static final long DEFAULT_AGE_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private final String root;
    private final MetricRegistry metrics;

    /**
     * @param root the YAML path of the engines map, for messages
     * @param metrics where the pool reports its metrics, or null for none
     */
    public EngineBuilder(String root, MetricRegistry metrics) {
        this.root = root;
        this.metrics = metrics;
    }

    /**
     * @param settings the engine's validated configuration
     * @param entities the entity classes bound to it
     * @return the engine, its pool started (connections are made in the background)
     * @throws EngineConfigurationException if Hibernate rejects the mapping or cannot tell the database
     */
    public Engine build(EngineSettings settings, List<Class<?>> entities) {
        DatabaseInfo info = null;
        try {
            info = DatabaseProbe.probe(settings);
        } catch (Exception e) {
            LOG.warn(Messages.startedWithoutDatabase(settings.name(), settings.configuredUrl(), describe(e, settings)));
        }
        if (info == null && settings.vendor() == DatabaseVendor.OTHER
                && !settings.hibernateProperties().containsKey(AvailableSettings.DIALECT)) {
            throw new EngineConfigurationException(List.of(
                    Messages.cannotDetermineDatabase(settings.name(), root, settings.configuredUrl())));
        }
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings, info));
        IsolatingDataSource isolating = new IsolatingDataSource(dataSource, settings.name());
        StandardServiceRegistry registry = null;
        try {
            registry = new StandardServiceRegistryBuilder()
                    .applySettings(hibernateSettings(settings, isolating, info))
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            SessionFactory sessionFactory = metadata.buildSessionFactory();
            LOG.info("engine '{}' started: {} ({}), {} entities, pool {}..{}", settings.name(), settings.maskedUrl(),
                    info == null ? "database not reachable yet" : info.productName() + " " + info.productVersion(),
                    entities.size(), settings.minSize(), settings.maxSize());
            return new Engine(settings, dataSource, isolating, registry, metadata, sessionFactory, entities, info);
        } catch (RuntimeException e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            if (settings.shutdownOnClose()) {
                Engine.shutDownInMemoryDatabase(settings.name(), dataSource);
            }
            dataSource.close();
            if (e instanceof EngineConfigurationException) {
                throw e;
            }
            throw new EngineConfigurationException(
                    Messages.hibernateRejectsEntities(settings.name(), root, describe(e, settings)), e);
        }
    }

    private HikariConfig poolConfig(EngineSettings s, DatabaseInfo info) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hibernate-lite." + s.name());
        Properties driverProperties = new Properties();
        driverProperties.putAll(s.driverProperties());
        // A DataSource rather than a URL: HikariCP's configuration dump (at DEBUG) never sees the URL.
        config.setDataSource(new DriverDataSource(s.jdbcUrl(), s.driverClass(), driverProperties, s.user(), s.password()));
        config.setMaximumPoolSize(s.maxSize());
        config.setMinimumIdle(s.minSize());
        config.setConnectionTimeout(s.maxWaitMillis());
        config.setValidationTimeout(s.validationTimeoutMillis());
        if (s.validationQuery() != null) {
            config.setConnectionTestQuery(s.validationQuery());
        }
        config.setMaxLifetime(connectionAge(s, info));
        if (s.minSize() < s.maxSize()) {
            config.setIdleTimeout(s.minIdleTimeMillis());
        }
        if (s.initializationQuery() != null) {
            config.setConnectionInitSql(s.initializationQuery());
        }
        if (s.readOnlyByDefault() != null) {
            config.setReadOnly(s.readOnlyByDefault());
        }
        if (s.transactionIsolation() != null) {
            config.setTransactionIsolation(s.transactionIsolation());
        }
        // Hibernate always works in transactions and is told the pool hands out connections with
        // auto-commit off, so it never toggles it: two fewer driver calls per transaction.
        config.setAutoCommit(false);
        // Start even when the database is down; connections are made when it answers.
        config.setInitializationFailTimeout(-1);
        if (metrics != null) {
            config.setMetricRegistry(metrics);
        }
        return config;
    }

    private long connectionAge(EngineSettings s, DatabaseInfo info) {
        long waitTimeoutMillis = info == null || info.waitTimeoutSeconds() <= 0
                ? -1 : TimeUnit.SECONDS.toMillis(info.waitTimeoutSeconds());
        if (s.maxConnectionAgeMillis() != null) {
            if (waitTimeoutMillis > 0 && s.maxConnectionAgeMillis() >= waitTimeoutMillis) {
                LOG.warn(Messages.connectionAgeAboveWaitTimeout(s.name(), root,
                        io.dropwizard.util.Duration.milliseconds(s.maxConnectionAgeMillis()), info.waitTimeoutSeconds()));
            }
            return s.maxConnectionAgeMillis();
        }
        if (waitTimeoutMillis > 0 && waitTimeoutMillis - WAIT_TIMEOUT_MARGIN_MILLIS < DEFAULT_AGE_MILLIS) {
            return Math.max(WAIT_TIMEOUT_MARGIN_MILLIS, waitTimeoutMillis - WAIT_TIMEOUT_MARGIN_MILLIS);
        }
        return DEFAULT_AGE_MILLIS;
    }

    private static Map<String, Object> hibernateSettings(EngineSettings s, IsolatingDataSource dataSource,
                                                         DatabaseInfo info) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DATASOURCE, dataSource);
        settings.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        settings.put(AvailableSettings.USE_SQL_COMMENTS, Boolean.toString(s.autoComments()));
        settings.put(AvailableSettings.ORDER_INSERTS, "true");
        settings.put(AvailableSettings.ORDER_UPDATES, "true");
        settings.put(AvailableSettings.GENERATE_STATISTICS, "true");
        if (info == null) {
            // The database did not answer: boot from what the URL says instead of asking it.
            settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
            if (s.vendor() != DatabaseVendor.OTHER) {
                settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, s.vendor().displayName());
            }
        }
        settings.putAll(s.hibernateProperties());
        return settings;
    }

    /**
     * @param e a failure
     * @param s the engine it happened in
     * @return the failure's type and first non-empty message, with the engine's password and any
     *         password-like URL parameter masked
     */
    public static String describe(Throwable e, EngineSettings s) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        if (s.password() != null && !s.password().isEmpty()) {
            text = text.replace(s.password(), "****");
        }
        return JdbcUrls.mask(text);
    }
}
