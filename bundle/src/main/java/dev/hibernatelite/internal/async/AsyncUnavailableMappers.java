package dev.hibernatelite.internal.async;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.web.DatabaseUnavailableMapper;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.util.Set;

/**
 * The 503 of an unavailable database for async engines: Hibernate Reactive hands the Vert.x
 * client's own failures to the resource, not a {@code PersistenceException}, so they get mappers of
 * their own: a connection the Vert.x client could not open (refused: Netty's
 * {@code AnnotatedConnectException}) and one that closed under a request
 * ({@link ClosedConnectionException}). Any other {@link ConnectException} or {@link VertxException}
 * (an HTTP client of the application's own, say) stays Dropwizard's logged 500. Registered only when
 * async engines are configured.
 *
 * <p>Internal: not part of the public API.
 */
final class AsyncUnavailableMappers {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncUnavailableMappers.class);
    private static final String NETTY_CONNECT = "io.netty.channel.AbstractChannel$AnnotatedConnectException";

    private AsyncUnavailableMappers() {
    }

    /**
     * @param engines the async engines' names: when there is one, the 503 names it
     * @return the mappers to register with Jersey
     */
    static Object[] of(Set<String> engines) {
        String engine = engines.size() == 1 ? engines.iterator().next() : null;
        return new Object[] {new Refused(engine), new Closed(engine)};
    }

    private static Response unavailable(String engine, Throwable failure) {
        LOG.debug("a request's async engine could not reach its database: answered 503 ({})",
                Secrets.describe(failure, null), failure);
        return DatabaseUnavailableMapper.unavailable(Messages.databaseUnavailable(engine));
    }

    /** A connection the Vert.x client could not open. */
    static final class Refused extends LoggingExceptionMapper<ConnectException> {
        private final String engine;

        Refused(String engine) {
            this.engine = engine;
        }

        @Override
        public Response toResponse(ConnectException exception) {
            return exception.getClass().getName().equals(NETTY_CONNECT) ? unavailable(engine, exception)
                    : super.toResponse(exception);
        }
    }

    /** A Vert.x connection that closed under the request. */
    static final class Closed extends LoggingExceptionMapper<VertxException> {
        private final String engine;

        Closed(String engine) {
            this.engine = engine;
        }

        @Override
        public Response toResponse(VertxException exception) {
            return exception instanceof ClosedConnectionException ? unavailable(engine, exception)
                    : super.toResponse(exception);
        }
    }
}
