package dev.hibernatelite.internal.context;

import dev.hibernatelite.internal.engine.ReadConnection;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end of a context, once it is marked closed: what was attached to it closes, a request
 * that changed entities without committing them is reported, every session is rolled back and
 * closed, and read-only connections go back to their pools. A failing step is logged and the
 * next one still runs.
 *
 * <p>Internal: not part of the public API.
 */
final class ContextEnd {
    private static final Logger LOG = LoggerFactory.getLogger(ContextSessions.class);

    private ContextEnd() {
    }

    static void end(Object description, String route, UncommittedWarnings warnings, List<AutoCloseable> attached,
                    List<Map.Entry<String, Session>> opened, Map<String, ReadConnection> borrowed) {
        for (AutoCloseable attachment : attached) {
            try {
                attachment.close();
            } catch (Exception e) {
                LOG.warn("closing {} of {} failed", attachment, description, e);
            }
        }
        if (route != null && warnings != null) {
            reportUncommitted(route, warnings, opened, borrowed);
        }
        for (Map.Entry<String, Session> entry : opened) {
            QuietEnd.rollback(entry.getKey(), entry.getValue(), description);
            QuietEnd.close(entry.getKey(), entry.getValue(), description);
        }
        borrowed.forEach((engine, connection) -> QuietEnd.close(engine, connection, description));
    }

    private static void reportUncommitted(String route, UncommittedWarnings warnings,
                                          List<Map.Entry<String, Session>> opened, Map<String, ReadConnection> borrowed) {
        for (Map.Entry<String, Session> entry : opened) {
            Session session = entry.getValue();
            if (borrowed.containsKey(entry.getKey()) || !session.isOpen() || !session.getTransaction().isActive()) {
                continue;
            }
            Set<String> types = ChangeTracker.uncommitted(session);
            if (!types.isEmpty()) {
                warnings.warn(route, entry.getKey(), types);
            }
        }
    }
}
