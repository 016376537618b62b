package dev.hibernatelite.internal.config;

import dev.hibernatelite.internal.message.Secrets;

import java.util.Map;

/**
 * One async engine's configuration after validation, defaults applied.
 *
 * @param name the engine's name (its key under {@code asyncEngines})
 * @param yamlPath its YAML path, for messages
 * @param url the URL Hibernate Reactive connects with (without a {@code jdbc:} prefix)
 * @param scheme the URL's scheme ({@code postgresql}, {@code mariadb}, ...)
 * @param user the user, or null
 * @param password the password, or null; never logged
 * @param maxSize the most connections in the pool
 * @param maxWaitMillis how long a caller waits for a connection
 * @param maxWaitQueueSize how many callers may wait, -1 for no bound
 * @param idleMillis how long an idle connection is kept
 * @param validationTimeoutMillis the bound of the health check
 * @param properties Hibernate properties
 * @param migrations the engine's schema migrations, run through the matching JDBC URL
 */
public record AsyncEngineSettings(String name, String yamlPath, String url, String scheme, String user, String password,
                                  int maxSize, long maxWaitMillis, int maxWaitQueueSize, long idleMillis,
                                  long validationTimeoutMillis, Map<String, String> properties,
                                  MigrationSettings migrations) {
    /** @return the URL, safe to print */
    public String maskedUrl() {
        return Secrets.mask(url);
    }

    /** @return the JDBC URL that names the same database ({@code jdbc:postgresql://...}) */
    public String jdbcUrl() {
        String scheme = url.substring(0, url.indexOf(':'));
        String jdbcScheme = scheme.equals("postgres") ? "postgresql" : scheme;
        return "jdbc:" + jdbcScheme + url.substring(scheme.length());
    }

    /** A description without the password. */
    @Override
    public String toString() {
        return "AsyncEngineSettings{" + name + ", " + maskedUrl() + ", pool=" + maxSize + "}";
    }
}
