package dev.hibernatelite.internal.web;

import dev.hibernatelite.internal.engine.ConnectionFailures;
import dev.hibernatelite.internal.engine.EngineDownException;
import dev.hibernatelite.internal.engine.StatementTimeouts;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.OutageMessages;
import dev.hibernatelite.internal.message.Secrets;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 503, with a JSON error in Dropwizard's format and {@code Retry-After: 1}, when a request
 * failed because its database could not be reached ({@link ConnectionFailures}): the engine is
 * known to be down, no connection came within the engine's wait bound, or the connection broke.
 * Answers 504 when the database cancelled a statement that ran past the engine's
 * {@code statementTimeout} ({@link StatementTimeouts}). Every other failure stays Dropwizard's
 * logged 500. The response names the engine, never the URL, the user or the cause.
 *
 * <p>The log: nothing above DEBUG for a request refused while its engine is down (the engine's
 * outage lines say it once); otherwise {@code HL404} / {@code HL409} with the cause, masked, and no
 * stack trace, at most once per engine per {@link RateLimitedLog#INTERVAL_MILLIS}.
 *
 * <p>Internal: not part of the public API.
 */
public final class DatabaseUnavailableMapper extends LoggingExceptionMapper<PersistenceException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableMapper.class);
    private static final Pattern POOL_NAME = Pattern.compile("hibernate-lite\\.([^\\s]+) - ");

    private final RateLimitedLog unavailableLog = new RateLimitedLog();
    private final RateLimitedLog timeoutLog = new RateLimitedLog();
    private final String soleEngine;

    /** A mapper that names an engine only when the failure does. */
    public DatabaseUnavailableMapper() {
        this(java.util.Set.of());
    }

    /**
     * @param engines the application's sync engines: when there is one, a failure that does not
     *        name its engine (a broken connection, a cancelled statement) is that engine's
     */
    public DatabaseUnavailableMapper(java.util.Set<String> engines) {
        this.soleEngine = engines.size() == 1 ? engines.iterator().next() : null;
    }

    @Override
    public Response toResponse(PersistenceException exception) {
        if (ConnectionFailures.isConnectionClass(exception)) {
            String engine = engineOf(exception);
            if (causedBy(exception, EngineDownException.class)) {
                LOG.debug("a request needed engine '{}', whose database is down: answered 503", engine, exception);
            } else {
                String cause = Secrets.describeRoot(exception, null);
                unavailableLog.warn(LOG, engine, more -> Messages.databaseUnavailableLog(engine, cause)
                        + more, exception);
            }
            return error(Response.Status.SERVICE_UNAVAILABLE, Messages.databaseUnavailable(engine));
        }
        if (StatementTimeouts.isStatementTimeout(exception)) {
            String engine = engineOf(exception);
            String cause = Secrets.describeRoot(exception, null);
            timeoutLog.warn(LOG, engine, more -> OutageMessages.statementTimedOut(engine, cause) + more, exception);
            return error(Response.Status.GATEWAY_TIMEOUT, OutageMessages.statementTimedOutResponse(engine));
        }
        return super.toResponse(exception);
    }

    /**
     * @param message the response's message
     * @return the 503 of an unavailable database: Dropwizard's JSON error, {@code Retry-After: 1}
     */
    public static Response unavailable(String message) {
        return error(Response.Status.SERVICE_UNAVAILABLE, message);
    }

    private static Response error(Response.Status status, String message) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status.getStatusCode(), message));
        if (status == Response.Status.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    static boolean unavailable(PersistenceException exception) {
        return ConnectionFailures.isConnectionClass(exception);
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private String engineOf(Throwable exception) {
        String named = namedEngine(exception);
        return named != null ? named : soleEngine;
    }

    private static String namedEngine(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineDownException) {
                return ((EngineDownException) t).engine();
            }
            if (t.getMessage() != null) {
                Matcher m = POOL_NAME.matcher(t.getMessage());
                if (m.find()) {
                    // engine names have no '.': what follows is a read pool's role ("default.read")
                    String pool = m.group(1);
                    return pool.contains(".") ? pool.substring(0, pool.indexOf('.')) : pool;
                }
            }
        }
        return null;
    }
}
