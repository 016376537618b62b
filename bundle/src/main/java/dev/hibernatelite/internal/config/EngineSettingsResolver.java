package dev.hibernatelite.internal.config;

import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.OutageMessages;
import dev.hibernatelite.internal.message.Secrets;
import io.dropwizard.util.Duration;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Validates the {@code engines} map from the YAML and turns each entry into
 * {@link EngineSettings}. Every problem is collected, so one startup shows them all.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineSettingsResolver {
    private static final long MIN_WAIT_MILLIS = 250;
    private static final long MIN_STATEMENT_TIMEOUT_MILLIS = 1_000;
    private static final long MIN_CONNECTION_AGE_MILLIS = 30_000;
    private static final long MIN_IDLE_MILLIS = 10_000;

    private final String root;
    private final Map<String, String> defaultProperties;

    /** @param root the YAML path of the engines map, usually {@code engines} */
    public EngineSettingsResolver(String root) {
        this(root, Map.of());
    }

    /**
     * @param root the YAML path of the engines map, usually {@code engines}
     * @param defaultProperties the bundle-wide properties, under each engine's own (which win)
     */
    public EngineSettingsResolver(String root, Map<String, String> defaultProperties) {
        this.root = root;
        this.defaultProperties = defaultProperties;
    }

    /**
     * @param key a property key
     * @return whether Hibernate reads it (else it is the JDBC driver's)
     */
    public static boolean isHibernateProperty(String key) {
        return key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.") || key.startsWith("org.hibernate.");
    }

    /**
     * @param engines the map as read from the YAML (may be null)
     * @param defaultRequired whether a {@code default} engine must exist (and so the map); when not, a
     *        missing or empty map means no sync engines
     * @param problems where problems are added
     * @return the settings of every engine that had no problem, in YAML order
     */
    public Map<String, EngineSettings> resolve(Map<String, EngineFactory> engines, boolean defaultRequired,
                                               List<String> problems) {
        if (engines == null || engines.isEmpty()) {
            if (defaultRequired) {
                problems.add(engines == null ? Messages.enginesMissing(root) : Messages.enginesEmpty(root));
            }
            return Map.of();
        }
        if (defaultRequired && !engines.containsKey("default")) {
            problems.add(Messages.defaultMissing(root, engines.keySet()));
        }
        Map<String, EngineSettings> result = new LinkedHashMap<>();
        engines.forEach((name, factory) -> {
            int before = problems.size();
            EngineSettings settings = resolveOne(name, factory, problems);
            if (problems.size() == before && settings != null) {
                result.put(name, settings);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private EngineSettings resolveOne(String name, EngineFactory factory, List<String> problems) {
        String path = root + "." + name;
        if (name == null || name.isBlank() || name.contains(".")) {
            problems.add(Messages.engineNameInvalid(String.valueOf(name), root));
            return null;
        }
        if (factory == null) {
            problems.add(Messages.engineEmpty(path));
            return null;
        }
        String url = factory.getUrl() == null ? null : factory.getUrl().trim();
        String driverClass = null;
        DatabaseVendor vendor = DatabaseVendor.OTHER;
        if (url == null || url.isEmpty()) {
            problems.add(Messages.urlMissing(path));
        } else if (!url.regionMatches(true, 0, "jdbc:", 0, 5) || url.length() == 5) {
            problems.add(Messages.urlNotJdbc(path, url, JdbcUrls.suggestJdbcUrl(url).orElse(null),
                    JdbcUrls.hasUserInfo(url)));
        } else {
            vendor = JdbcUrls.vendorOf(url);
            driverClass = resolveDriver(path, url, vendor, factory.getDriverClass().orElse(null), problems);
        }

        int maxSize = factory.getMaxSize().orElse(EngineFactory.DEFAULT_MAX_SIZE);
        if (maxSize < 1) {
            problems.add(Messages.sizeTooSmall(path + ".maxSize", maxSize, 1, String.valueOf(EngineFactory.DEFAULT_MAX_SIZE)));
        }
        int minSize = factory.getMinSize().orElse(Math.max(maxSize, 0));
        if (minSize < 0) {
            problems.add(Messages.sizeTooSmall(path + ".minSize", minSize, 0, "the same as maxSize"));
        } else if (maxSize >= 1 && minSize > maxSize) {
            problems.add(Messages.minAboveMax(path, minSize, maxSize));
        }
        Duration wait = factory.getMaxWaitForConnection().orElse(EngineFactory.DEFAULT_MAX_WAIT_FOR_CONNECTION);
        checkAtLeast(path + ".maxWaitForConnection", wait, MIN_WAIT_MILLIS, "250ms",
                EngineFactory.DEFAULT_MAX_WAIT_FOR_CONNECTION, problems);
        // Unset, the check is bounded by the default, or by half the wait when the default does not
        // fit under it: a short maxWaitForConnection alone must not fail because of a default the
        // user never wrote.
        Duration validation = factory.getValidationQueryTimeout().orElseGet(() -> defaultValidationTimeout(wait));
        boolean validationOk = checkAtLeast(path + ".validationQueryTimeout", validation, MIN_WAIT_MILLIS, "250ms",
                EngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT, problems);
        if (validationOk && validation.toMilliseconds() >= wait.toMilliseconds()
                && wait.toMilliseconds() >= MIN_WAIT_MILLIS) {
            problems.add(Messages.validationNotBelowWait(path, validation, wait));
        }
        Long age = null;
        if (factory.getMaxConnectionAge().isPresent()) {
            Duration configuredAge = factory.getMaxConnectionAge().get();
            checkAtLeast(path + ".maxConnectionAge", configuredAge, MIN_CONNECTION_AGE_MILLIS, "30s",
                    EngineFactory.DEFAULT_MAX_CONNECTION_AGE, problems);
            age = configuredAge.toMilliseconds();
        }
        Duration idle = factory.getMinIdleTime().orElse(EngineFactory.DEFAULT_MIN_IDLE_TIME);
        checkAtLeast(path + ".minIdleTime", idle, MIN_IDLE_MILLIS, "10s", EngineFactory.DEFAULT_MIN_IDLE_TIME, problems);

        long statementTimeout = statementTimeoutMillis(path, factory, problems);

        ReadSettings reads = ReadSettingsResolver.resolve(path, factory, vendor, driverClass, maxSize, problems);
        MigrationSettings migrations = MigrationSettingsResolver.resolve(path, name,
                factory.getMigrations().orElse(null), vendor, problems);

        if (url == null || driverClass == null) {
            return null;
        }
        Map<String, String> hibernate = new LinkedHashMap<>();
        Map<String, String> driver = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>(defaultProperties);
        properties.putAll(factory.getProperties());
        properties.forEach((key, value) -> {
            if (isHibernateProperty(key)) {
                hibernate.put(key, value);
            } else {
                driver.put(key, value);
            }
        });
        if (vendor == DatabaseVendor.MYSQL && !containsIgnoreCase(driver, "characterEncoding")
                && !url.toLowerCase(Locale.ROOT).contains("characterencoding=")) {
            // Connector/J maps UTF-8 to utf8mb4; without it, old servers negotiate 3-byte utf8.
            driver.put("characterEncoding", "UTF-8");
        }
        if (factory.isPgbouncer() && !containsIgnoreCase(driver, "prepareThreshold")) {
            // PgBouncer 1.18 in transaction mode cannot keep a server-side prepared statement: a
            // statement prepared on one server connection is executed on another.
            driver.put("prepareThreshold", "0");
        }
        String isolation = factory.getDefaultTransactionIsolation()
                .filter(i -> i != EngineFactory.TransactionIsolation.DEFAULT)
                .map(i -> "TRANSACTION_" + i.name())
                .orElse(null);
        String uniqueName = "hibernate-lite-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        // A password written in the URL (where the driver reads it as the password property) is
        // passed as that property instead, so that no log of the pool or the driver prints it
        // with the URL. When the password field is set as well, the URL is left as written.
        String password = factory.getPassword().orElse(null);
        String connectUrl = url;
        if (password == null) {
            JdbcUrls.UrlAndPassword split = JdbcUrls.takePassword(url);
            connectUrl = split.url();
            password = split.password();
        }
        return new EngineSettings(name, path, JdbcUrls.h2MemoryForApplicationLifetime(connectUrl, uniqueName), url,
                vendor, driverClass, factory.getUser().orElse(null), password, maxSize, minSize,
                wait.toMilliseconds(), blankToNull(factory.getValidationQuery().orElse(null)),
                validation.toMilliseconds(), age, idle.toMilliseconds(),
                blankToNull(factory.getInitializationQuery().orElse(null)), factory.getReadOnlyByDefault().orElse(null),
                isolation, factory.isAutoCommentsEnabled(), Collections.unmodifiableMap(hibernate),
                Collections.unmodifiableMap(driver), JdbcUrls.needsShutdownOnClose(url), reads, factory.isPgbouncer(),
                migrations, statementTimeout);
    }

    private static long statementTimeoutMillis(String path, EngineFactory factory, List<String> problems) {
        Duration timeout = factory.getStatementTimeout().orElse(EngineFactory.DEFAULT_STATEMENT_TIMEOUT);
        long millis = timeout.toMilliseconds();
        if (millis != 0 && millis < MIN_STATEMENT_TIMEOUT_MILLIS) {
            problems.add(OutageMessages.statementTimeoutTooShort(path + ".statementTimeout", timeout));
            return 0;
        }
        return millis;
    }

    private static String resolveDriver(String path, String url, DatabaseVendor vendor, String configuredClass,
                                        List<String> problems) {
        // Drivers log the URLs they are asked about (PostgreSQL's logs every URL it rejects, at
        // FINE), so they are asked about the URL with its secrets masked: it has the same shape.
        String shape = Secrets.mask(url);
        if (configuredClass != null && !configuredClass.isBlank()) {
            Class<?> type;
            try {
                type = Class.forName(configuredClass.trim(), true, classLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                DatabaseVendor named = JdbcUrls.vendorOf(url);
                problems.add(Messages.driverClassNotFound(path, configuredClass, named.displayName(),
                        named.driverClass(), named.driverArtifact()));
                return null;
            }
            if (!Driver.class.isAssignableFrom(type)) {
                problems.add(Messages.driverClassNotDriver(path, configuredClass));
                return null;
            }
            Driver driver;
            try {
                driver = (Driver) type.getDeclaredConstructor().newInstance();
                if (!driver.acceptsURL(shape)) {
                    problems.add(Messages.driverRejectsUrl(path, configuredClass, url));
                    return null;
                }
            } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
                problems.add(Messages.driverRejectsUrl(path, configuredClass, url));
                return null;
            }
            if (!parses(driver, shape)) {
                problems.add(Messages.urlMalformed(path, url, vendor.displayName(), vendor.urlForm(), type.getName()));
                return null;
            }
            return type.getName();
        }
        Enumeration<Driver> drivers = DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            Driver driver = drivers.nextElement();
            boolean accepts;
            try {
                accepts = driver.acceptsURL(shape);
            } catch (SQLException | RuntimeException ignored) {
                // a driver that cannot judge the URL does not accept it; the next one may
                accepts = false;
            }
            if (accepts) {
                if (!parses(driver, shape)) {
                    problems.add(Messages.urlMalformed(path, url, vendor.displayName(), vendor.urlForm(),
                            driver.getClass().getName()));
                    return null;
                }
                return driver.getClass().getName();
            }
        }
        if (vendor.driverClass() != null && isLoadable(vendor.driverClass())) {
            problems.add(Messages.urlMalformed(path, url, vendor.displayName(), vendor.urlForm(), vendor.driverClass()));
        } else {
            problems.add(Messages.noDriverAccepts(path, url, vendor.displayName(), vendor.driverArtifact()));
        }
        return null;
    }

    /**
     * Some drivers (MariaDB's, MySQL's) accept any URL with their prefix and parse it only when
     * connecting; asking for the URL's properties parses it without connecting.
     *
     * @return false if the driver says the URL it accepted cannot be parsed
     */
    private static boolean parses(Driver driver, String url) {
        try {
            driver.getPropertyInfo(url, new Properties());
            return true;
        } catch (SQLFeatureNotSupportedException | RuntimeException cannotTell) {
            return true;
        } catch (SQLException malformed) {
            return false;
        }
    }

    private static Duration defaultValidationTimeout(Duration wait) {
        if (EngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT.toMilliseconds() < wait.toMilliseconds()) {
            return EngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT;
        }
        return Duration.milliseconds(Math.max(MIN_WAIT_MILLIS, wait.toMilliseconds() / 2));
    }

    private static boolean checkAtLeast(String fieldPath, Duration value, long minimumMillis, String minimum,
                                        Duration defaultValue, List<String> problems) {
        if (value.toMilliseconds() < minimumMillis) {
            problems.add(Messages.durationTooShort(fieldPath, value, minimum, defaultValue.toString()));
            return false;
        }
        return true;
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, classLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EngineSettingsResolver.class.getClassLoader();
    }

    private static boolean containsIgnoreCase(Map<String, String> map, String key) {
        return map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
