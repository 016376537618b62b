package dev.hibernatelite.internal.migration;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Connections to a migration target, outside any pool: Flyway opens the few it needs (one holds
 * its lock) and closes them; the engine's pool is never lent to it (its connections start with
 * auto-commit off, and a migration must not wait behind requests for a connection).
 *
 * <p>Internal: not part of the public API.
 */
final class TargetDataSource implements DataSource {
    private final MigrationTarget target;
    private final String url;

    TargetDataSource(MigrationTarget target) {
        this(target, target.jdbcUrl());
    }

    TargetDataSource(MigrationTarget target, String url) {
        this.target = target;
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(target.driverProperties());
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        Connection connection = target.driverClass() == null
                ? DriverManager.getConnection(url, properties)
                : driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver " + target.driverClass() + " returned no connection");
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : TargetDataSource.class.getClassLoader();
            return (Driver) Class.forName(target.driverClass(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the driver " + target.driverClass() + " could not be loaded: " + e, e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the target's own credentials are used");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the driver's own, from the URL and properties
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    @Override
    public String toString() {
        return "TargetDataSource{" + target.maskedUrl() + "}";
    }
}
