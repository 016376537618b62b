package dev.hibernatelite.internal.context;

import dev.hibernatelite.internal.engine.ConnectionFailures;
import dev.hibernatelite.internal.engine.ReadConnection;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * The steps of ending a context's sessions whose failure is logged, not thrown, so that every
 * session gets its turn.
 *
 * <p>Internal: not part of the public API.
 */
final class QuietEnd {
    private static final Logger LOG = LoggerFactory.getLogger(ContextSessions.class);

    private QuietEnd() {
    }

    static void rollback(String engine, Session session, Object context) {
        quietly(engine, "rollback at the end of", context, () -> {
            if (session.isOpen() && session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        });
    }

    static void close(String engine, Session session, Object context) {
        quietly(engine, "closing the session of", context, () -> {
            if (session.isOpen()) {
                session.close();
            }
        });
    }

    static void close(String engine, ReadConnection connection, Object context) {
        quietly(engine, "returning the read-only connection of", context, connection::close);
    }

    private static void quietly(String engine, String what, Object context, Step step) {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            if (ConnectionFailures.isConnectionClass(e)) {
                // the connection broke or the database is down: the server rolled back with it,
                // and the request's 503 (or the engine's outage lines) say so once
                LOG.debug("engine '{}': {} {} failed on a broken connection", engine, what, context, e);
            } else {
                LOG.warn("engine '{}': {} {} failed", engine, what, context, e);
            }
        }
    }

    /** One step. */
    private interface Step {
        void run() throws SQLException;
    }
}
