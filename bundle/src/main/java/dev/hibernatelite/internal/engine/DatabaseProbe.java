package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens one connection, outside the pool, to learn which database an engine talks to before
 * Hibernate boots. If the database does not answer, the engine still starts (see
 * {@code docs/operations.md}); the probe's failure is what the startup warning reports.
 *
 * <p>Internal: not part of the public API.
 */
public final class DatabaseProbe {
    private DatabaseProbe() {
    }

    /**
     * @param settings the engine's settings
     * @return what the database says about itself
     * @throws SQLException if no connection could be made or the metadata could not be read
     * @throws ReflectiveOperationException if the driver cannot be instantiated
     */
    static DatabaseInfo probe(EngineSettings settings) throws SQLException, ReflectiveOperationException {
        return probe(settings, settings.maxWaitMillis());
    }

    /**
     * @param settings the engine's settings
     * @param timeoutMillis how long connecting may take, where the driver lets us bound it
     * @return what the database says about itself
     * @throws SQLException if no connection could be made or the metadata could not be read
     * @throws ReflectiveOperationException if the driver cannot be instantiated
     */
    public static DatabaseInfo probe(EngineSettings settings, long timeoutMillis)
            throws SQLException, ReflectiveOperationException {
        try (Connection connection = connect(settings, settings.jdbcUrl(), timeoutMillis)) {
            DatabaseMetaData meta = connection.getMetaData();
            long waitTimeout = -1;
            if (settings.vendor().isMySqlFamily()) {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT @@wait_timeout")) {
                    if (rs.next()) {
                        waitTimeout = rs.getLong(1);
                    }
                }
            }
            return new DatabaseInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion(), waitTimeout);
        }
    }

    /**
     * @param settings the engine's settings (driver, credentials, driver properties)
     * @param url the URL to connect to
     * @param timeoutMillis how long connecting may take, where the driver lets us bound it
     * @return a connection outside the pool; the caller closes it
     * @throws SQLException if no connection could be made
     * @throws ReflectiveOperationException if the driver cannot be instantiated
     */
    static Connection connect(EngineSettings settings, String url, long timeoutMillis)
            throws SQLException, ReflectiveOperationException {
        Connection connection = driver(settings.driverClass()).connect(url, connectionProperties(settings, timeoutMillis));
        if (connection == null) {
            throw new SQLException("the driver " + settings.driverClass() + " returned no connection");
        }
        return connection;
    }

    static Properties connectionProperties(EngineSettings settings, long timeoutMillis) {
        Properties properties = new Properties();
        properties.putAll(settings.driverProperties());
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (settings.vendor() == DatabaseVendor.POSTGRESQL) {
            properties.putIfAbsent("connectTimeout", String.valueOf(Math.max(1, timeoutMillis / 1000)));
            properties.putIfAbsent("loginTimeout", String.valueOf(Math.max(1, timeoutMillis / 1000)));
        } else if (settings.vendor().isMySqlFamily()) {
            properties.putIfAbsent("connectTimeout", String.valueOf(timeoutMillis));
        }
        return properties;
    }

    private static Driver driver(String className) throws ReflectiveOperationException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : DatabaseProbe.class.getClassLoader();
        return (Driver) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    }
}
