package dev.hibernatelite.internal.config;

import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.internal.message.Messages;
import io.dropwizard.util.Duration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates the {@code asyncEngines} map and turns each entry into {@link AsyncEngineSettings},
 * collecting every problem.
 *
 * <p>Internal: not part of the public API.
 */
public final class AsyncEngineSettingsResolver {
    private static final Map<String, String[]> CLIENTS = Map.of(
            "postgresql", new String[] {"io.vertx.pgclient.PgConnectOptions", "io.vertx:vertx-pg-client"},
            "postgres", new String[] {"io.vertx.pgclient.PgConnectOptions", "io.vertx:vertx-pg-client"},
            "cockroachdb", new String[] {"io.vertx.pgclient.PgConnectOptions", "io.vertx:vertx-pg-client"},
            "mysql", new String[] {"io.vertx.mysqlclient.MySQLConnectOptions", "io.vertx:vertx-mysql-client"},
            "mariadb", new String[] {"io.vertx.mysqlclient.MySQLConnectOptions", "io.vertx:vertx-mysql-client"},
            "db2", new String[] {"io.vertx.db2client.DB2ConnectOptions", "io.vertx:vertx-db2-client"},
            "sqlserver", new String[] {"io.vertx.mssqlclient.MSSQLConnectOptions", "io.vertx:vertx-mssql-client"},
            "oracle", new String[] {"io.vertx.oracleclient.OracleConnectOptions", "io.vertx:vertx-oracle-client"});

    private static final boolean REACTIVE_PRESENT = loadable("org.hibernate.reactive.mutiny.Mutiny")
            && loadable("io.vertx.core.Vertx");

    private final String root;
    private final Map<String, String> defaultProperties;

    /** @param root the YAML path of the async engines map, usually {@code asyncEngines} */
    public AsyncEngineSettingsResolver(String root) {
        this(root, Map.of());
    }

    /**
     * @param root the YAML path of the async engines map, usually {@code asyncEngines}
     * @param defaultProperties the bundle-wide properties: those Hibernate reads go under each
     *        engine's own (which win); the JDBC drivers' do not apply to async engines
     */
    public AsyncEngineSettingsResolver(String root, Map<String, String> defaultProperties) {
        this.root = root;
        this.defaultProperties = defaultProperties;
    }

    /**
     * @param engines the map as read from the YAML (null or empty: no async engines)
     * @param problems where problems are added
     * @return the settings of every engine that had no problem, in YAML order
     */
    public Map<String, AsyncEngineSettings> resolve(Map<String, AsyncEngineFactory> engines, List<String> problems) {
        if (engines == null || engines.isEmpty()) {
            return Map.of();
        }
        Map<String, AsyncEngineSettings> result = new LinkedHashMap<>();
        engines.forEach((name, factory) -> {
            int before = problems.size();
            AsyncEngineSettings settings = resolveOne(name, factory, problems);
            if (problems.size() == before && settings != null) {
                result.put(name, settings);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private Map<String, String> withDefaults(Map<String, String> own) {
        if (defaultProperties.isEmpty()) {
            return own;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        defaultProperties.forEach((key, value) -> {
            if (EngineSettingsResolver.isHibernateProperty(key)) {
                merged.put(key, value);
            }
        });
        merged.putAll(own);
        return Collections.unmodifiableMap(merged);
    }

    private AsyncEngineSettings resolveOne(String name, AsyncEngineFactory factory, List<String> problems) {
        String path = root + "." + name;
        if (name == null || name.isBlank() || name.contains(".")) {
            problems.add(Messages.engineNameInvalid(String.valueOf(name), root));
            return null;
        }
        if (factory == null) {
            problems.add(Messages.asyncEngineEmpty(path));
            return null;
        }
        String url = factory.getUrl() == null ? "" : factory.getUrl().trim();
        String scheme = null;
        if (url.isEmpty()) {
            problems.add(Messages.asyncUrlMissing(path));
        } else {
            if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
                url = url.substring(5);
            }
            scheme = scheme(path, url, problems);
            if (scheme != null && !REACTIVE_PRESENT) {
                problems.add(Messages.asyncNotOnClassPath(path, scheme));
                return null;
            }
        }
        int maxSize = factory.getMaxSize().orElse(AsyncEngineFactory.DEFAULT_MAX_SIZE);
        if (maxSize < 1) {
            problems.add(Messages.sizeTooSmall(path + ".maxSize", maxSize, 1,
                    String.valueOf(AsyncEngineFactory.DEFAULT_MAX_SIZE)));
        }
        int queue = factory.getMaxWaitQueueSize().orElse(-1);
        if (factory.getMaxWaitQueueSize().isPresent() && queue < 1) {
            problems.add(Messages.sizeTooSmall(path + ".maxWaitQueueSize", queue, 1, "no bound"));
        }
        Duration wait = atLeast(path + ".maxWaitForConnection", factory.getMaxWaitForConnection()
                .orElse(AsyncEngineFactory.DEFAULT_MAX_WAIT_FOR_CONNECTION), 250, "250ms",
                AsyncEngineFactory.DEFAULT_MAX_WAIT_FOR_CONNECTION.toString(), problems);
        Duration validation = atLeast(path + ".validationQueryTimeout", factory.getValidationQueryTimeout()
                .orElse(AsyncEngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT), 250, "250ms",
                AsyncEngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT.toString(), problems);
        Duration idle = atLeast(path + ".minIdleTime", factory.getMinIdleTime().orElse(Duration.minutes(10)), 1000,
                "1s", "10 minutes", problems);
        if (scheme == null) {
            return null;
        }
        String jdbcUrl = "jdbc:" + (scheme.equals("postgres") ? "postgresql" : scheme) + url.substring(scheme.length());
        MigrationSettings migrations = MigrationSettingsResolver.resolve(path, name,
                factory.getMigrations().orElse(null), JdbcUrls.vendorOf(jdbcUrl), problems);
        return new AsyncEngineSettings(name, path, url, scheme, factory.getUser().orElse(null),
                factory.getPassword().orElse(null), maxSize, wait.toMilliseconds(), queue, idle.toMilliseconds(),
                validation.toMilliseconds(), withDefaults(factory.getProperties()), migrations);
    }

    private static String scheme(String path, String url, List<String> problems) {
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String[] client = CLIENTS.get(scheme);
        if (client == null) {
            problems.add(Messages.asyncUrlUnsupported(path, url));
            return null;
        }
        if (!scheme.equals("oracle")) {
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    problems.add(Messages.asyncUrlMalformed(path, url, "no host"));
                    return null;
                }
            } catch (URISyntaxException e) {
                problems.add(Messages.asyncUrlMalformed(path, url, e.getReason()));
                return null;
            }
        }
        if (REACTIVE_PRESENT && !loadable(client[0])) {
            problems.add(Messages.asyncClientMissing(path, scheme, client[1]));
            return null;
        }
        return scheme;
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, AsyncEngineSettingsResolver.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Duration atLeast(String fieldPath, Duration value, long minimumMillis, String minimum,
                                    String defaultValue, List<String> problems) {
        if (value.toMilliseconds() < minimumMillis) {
            problems.add(Messages.durationTooShort(fieldPath, value, minimum, defaultValue));
        }
        return value;
    }
}
