package dev.hibernatelite.internal.engine;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Makes every new physical connection of a read pool read-only for the whole session, with the
 * database's own statement, before the pool hands it out: the database then refuses any write on
 * it, in auto-commit or not. (The drivers' {@code setReadOnly} does not: MariaDB Connector/J only
 * routes with it, pgjdbc only applies it to explicit transactions unless told otherwise.)
 *
 * <p>Internal: not part of the public API.
 */
final class ReadOnlySessionDataSource implements DataSource {
    private final DataSource connector;
    private final String readOnly;

    /**
     * @param connector makes physical connections (the pool's driver data source)
     * @param readOnly the statement that makes a session read-only on this database
     */
    ReadOnlySessionDataSource(DataSource connector, String readOnly) {
        this.connector = connector;
        this.readOnly = readOnly;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = connector.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(readOnly);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("engines take their credentials from the configuration");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return connector.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        connector.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        connector.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return connector.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return connector.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : connector.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || connector.isWrapperFor(type);
    }
}
