package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.Messages;
import io.dropwizard.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The HikariCP configuration of one engine's pool, from its validated settings and what its
 * database said at startup.
 *
 * <p>Internal: not part of the public API.
 */
final class PoolConfig {
    private static final Logger LOG = LoggerFactory.getLogger(PoolConfig.class);
    private static final long WAIT_TIMEOUT_MARGIN_MILLIS = TimeUnit.SECONDS.toMillis(30);
    private static final long DEFAULT_AGE_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private PoolConfig() {
    }

    /**
     * @param s the engine's settings
     * @param info what the database said at startup, or null if it did not answer
     * @param metrics where the pool reports, or null
     * @param availability the engine's availability, which the pool's connection attempts report to
     * @return the pool's configuration
     */
    static HikariConfig of(EngineSettings s, DatabaseInfo info, MetricRegistry metrics,
                           EngineAvailability availability) {
        HikariConfig config = of(s, info, metrics, s.jdbcUrl(), s.password());
        config.setDataSource(new WatchedDataSource(config.getDataSource(), availability));
        return config;
    }

    /**
     * A pool of the engine on another server of it (a replica).
     *
     * @param s the engine's settings
     * @param info what the database said at startup, or null if it did not answer
     * @param metrics where the pool reports, or null
     * @param url the URL to connect to
     * @param password the password, or null for the engine's
     * @return the pool's configuration
     */
    static HikariConfig of(EngineSettings s, DatabaseInfo info, MetricRegistry metrics, String url, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName(s.name()));
        Properties driverProperties = new Properties();
        driverProperties.putAll(s.driverProperties());
        StatementTimeouts.apply(s, driverProperties);
        // A DataSource rather than a URL: HikariCP's configuration dump (at DEBUG) never sees the URL.
        config.setDataSource(new DriverDataSource(url, s.driverClass(), driverProperties, s.user(),
                password != null ? password : s.password()));
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

    private static long connectionAge(EngineSettings s, DatabaseInfo info) {
        long waitTimeoutMillis = info == null || info.waitTimeoutSeconds() <= 0
                ? -1 : TimeUnit.SECONDS.toMillis(info.waitTimeoutSeconds());
        if (s.maxConnectionAgeMillis() != null) {
            if (waitTimeoutMillis > 0 && s.maxConnectionAgeMillis() >= waitTimeoutMillis) {
                LOG.warn(Messages.connectionAgeAboveWaitTimeout(s.name(), s.yamlPath(),
                        Duration.milliseconds(s.maxConnectionAgeMillis()), info.waitTimeoutSeconds()));
            }
            return s.maxConnectionAgeMillis();
        }
        if (waitTimeoutMillis > 0 && waitTimeoutMillis - WAIT_TIMEOUT_MARGIN_MILLIS < DEFAULT_AGE_MILLIS) {
            return Math.max(WAIT_TIMEOUT_MARGIN_MILLIS, waitTimeoutMillis - WAIT_TIMEOUT_MARGIN_MILLIS);
        }
        return DEFAULT_AGE_MILLIS;
    }

    /**
     * @param engine an engine's name
     * @return the name of its pool, which prefixes the pool's metrics and log lines
     */
    static String poolName(String engine) {
        return "hibernate-lite." + engine;
    }
}
