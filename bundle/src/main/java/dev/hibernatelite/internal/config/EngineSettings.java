package dev.hibernatelite.internal.config;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.message.Secrets;

import java.util.Map;

/**
 * One engine's configuration after validation: every default applied, the driver found, the
 * properties split between Hibernate and the driver. What the engine is built from.
 *
 * @param name the engine's name (its key under {@code engines})
 * @param yamlPath the engine's YAML path, for messages ({@code engines.reports})
 * @param jdbcUrl the URL to connect with (H2 in-memory URLs made to live as long as the engine; a
 *        password the driver would read from it moved to {@code password})
 * @param configuredUrl the URL as written
 * @param vendor the database, as the URL names it
 * @param driverClass the driver class that accepts the URL
 * @param user the user, or null
 * @param password the password (the YAML field's, or the one taken out of the URL), or null; never logged
 * @param maxSize the most connections in the pool
 * @param minSize the fewest idle connections kept
 * @param maxWaitMillis how long a caller waits for a connection
 * @param validationQuery the connection check query, or null for the driver's own check
 * @param validationTimeoutMillis the bound of a connection check
 * @param maxConnectionAgeMillis the configured connection age bound, or null to choose one
 * @param minIdleTimeMillis how long a surplus idle connection lives
 * @param initializationQuery SQL for every new connection, or null
 * @param readOnlyByDefault whether connections start read-only, or null
 * @param transactionIsolation the JDBC isolation name ({@code TRANSACTION_READ_COMMITTED}), or null
 * @param autoComments whether Hibernate comments its SQL
 * @param hibernateProperties the properties for Hibernate
 * @param driverProperties the properties for the JDBC driver
 * @param shutdownOnClose whether the engine must shut an in-memory database down when it closes
 * @param reads where read-only sessions get their connections
 * @param pgbouncer whether PostgreSQL is reached through PgBouncer in transaction pooling mode
 * @param migrations the engine's schema migrations
 * @param statementTimeoutMillis how long one statement of the engine's pools may run; 0 for no bound
 */
public record EngineSettings(
        String name,
        String yamlPath,
        String jdbcUrl,
        String configuredUrl,
        DatabaseVendor vendor,
        String driverClass,
        String user,
        String password,
        int maxSize,
        int minSize,
        long maxWaitMillis,
        String validationQuery,
        long validationTimeoutMillis,
        Long maxConnectionAgeMillis,
        long minIdleTimeMillis,
        String initializationQuery,
        Boolean readOnlyByDefault,
        String transactionIsolation,
        boolean autoComments,
        Map<String, String> hibernateProperties,
        Map<String, String> driverProperties,
        boolean shutdownOnClose,
        ReadSettings reads,
        boolean pgbouncer,
        MigrationSettings migrations,
        long statementTimeoutMillis) {

    /** @return the URL as written, safe to print */
    public String maskedUrl() {
        return Secrets.mask(configuredUrl);
    }

    /**
     * @param url another database on the same server (a scratch database)
     * @return these settings on that database alone (no replicas), which the engine does not shut down on close
     */
    public EngineSettings withJdbcUrl(String url) {
        return new EngineSettings(name, yamlPath, url, configuredUrl, vendor, driverClass, user, password, maxSize,
                minSize, maxWaitMillis, validationQuery, validationTimeoutMillis, maxConnectionAgeMillis,
                minIdleTimeMillis, initializationQuery, readOnlyByDefault, transactionIsolation, autoComments,
                hibernateProperties, driverProperties, false,
                new ReadSettings(java.util.List.of(), reads.maxReplicaLagMillis(), reads.maxSize()), pgbouncer,
                migrations, statementTimeoutMillis);
    }

    /** A description without the password. */
    @Override
    public String toString() {
        return "EngineSettings{" + name + ", " + maskedUrl() + ", driver=" + driverClass + ", pool=" + minSize + ".."
                + maxSize + "}";
    }
}
