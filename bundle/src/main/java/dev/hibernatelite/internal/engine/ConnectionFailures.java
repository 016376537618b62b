package dev.hibernatelite.internal.engine;

import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Which failures are "connection-class": the database could not be reached, or the connection
 * to it broke, as opposed to a statement the database rejected. They are what makes a request
 * answer 503 and what makes an engine count as down. One place, so that every mapper and the
 * engines agree.
 *
 * <ul>
 *   <li>SQLState class {@code 08} (connection exception), and PostgreSQL's {@code 57P01}
 *       (admin shutdown), {@code 57P02} (crash shutdown), {@code 57P03} (cannot connect now:
 *       starting up or shutting down);</li>
 *   <li>{@link SQLTransientConnectionException}: a pool that handed out no connection in time, or
 *       an engine known to be down;</li>
 *   <li>Hibernate's {@link JDBCConnectionException}, a socket that could not connect, and HikariCP's
 *       "Connection is closed" for a connection it closed because it broke.</li>
 * </ul>
 *
 * <p>Internal: not part of the public API.
 */
public final class ConnectionFailures {
    /** What HikariCP's proxy of a connection it closed (because it broke) says, without a SQLState. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private ConnectionFailures() {
    }

    /**
     * @param failure a failure and its causes
     * @return whether it says the database could not be reached or the connection broke
     */
    public static boolean isConnectionClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException && (isConnectionState(((SQLException) t).getSQLState())
                    || HIKARI_CLOSED.equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param sqlState a SQLState, or null
     * @return whether it is a connection exception (class 08) or a server shutting down or starting (57P01-03)
     */
    public static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /**
     * What makes an engine count as down: opening a new connection failed because the server could
     * not be reached or refused every connection (connection-class, or the login was refused, or the
     * database does not exist). A full server ({@code 53300}, too many connections) does not count:
     * the pooled connections still work.
     *
     * @param failure why a new connection could not be opened
     * @return whether no connection can be had until the database changes
     */
    static boolean meansDown(Throwable failure) {
        if (isConnectionClass(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.startsWith("28") || state.equals("3D000"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
