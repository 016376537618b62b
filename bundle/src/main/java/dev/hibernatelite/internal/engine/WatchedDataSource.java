package dev.hibernatelite.internal.engine;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * What an engine's pool opens its connections with: the driver, watched. A connection that
 * cannot be opened because the database cannot be reached marks the engine down
 * ({@link EngineAvailability#connectFailed}); while it is down, the pool's attempts wait for the
 * probe instead of failing and backing off (HikariCP backs off up to seconds between attempts,
 * which would delay the first answer after the database returns).
 *
 * <p>Internal: not part of the public API.
 */
final class WatchedDataSource implements DataSource {
    /** The longest one held-back attempt waits before it is let through to fail again. */
    private static final long HOLD_MILLIS = 30_000;

    private final DataSource driver;
    private final EngineAvailability availability;

    WatchedDataSource(DataSource driver, EngineAvailability availability) {
        this.driver = driver;
        this.availability = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        availability.awaitUp(HOLD_MILLIS);
        try {
            return driver.getConnection();
        } catch (SQLException | RuntimeException e) {
            availability.connectFailed(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        availability.awaitUp(HOLD_MILLIS);
        try {
            return driver.getConnection(username, password);
        } catch (SQLException | RuntimeException e) {
            availability.connectFailed(e);
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
