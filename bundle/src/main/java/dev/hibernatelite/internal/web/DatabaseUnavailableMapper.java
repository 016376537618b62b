package dev.hibernatelite.internal.web;

import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.message.Messages;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 503, with a JSON error in Dropwizard's format, when a request failed because its
 * database could not be reached: no connection within the engine's wait bound (the database is
 * down, or the pool is exhausted), or the connection broke (the server restarted under the
 * request). Every other JDBC failure stays Dropwizard's logged 500. The response names the
 * engine, never the URL, the user or the cause; the log line has the cause, masked.
 *
 * <p>Internal: not part of the public API.
 */
public final class DatabaseUnavailableMapper extends LoggingExceptionMapper<PersistenceException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableMapper.class);
    private static final Pattern POOL_NAME = Pattern.compile("hibernate-lite\\.([^\\s]+) - ");

    @Override
    public Response toResponse(PersistenceException exception) {
        if (!unavailable(exception)) {
            return super.toResponse(exception);
        }
        String engine = engineOf(exception);
        LOG.warn(Messages.databaseUnavailableLog(engine, Secrets.describeRoot(exception, null)));
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "1")
                .entity(new ErrorMessage(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                        Messages.databaseUnavailable(engine)))
                .build();
    }

    static boolean unavailable(PersistenceException exception) {
        if (exception instanceof JDBCConnectionException) {
            return true;
        }
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String engineOf(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = POOL_NAME.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
