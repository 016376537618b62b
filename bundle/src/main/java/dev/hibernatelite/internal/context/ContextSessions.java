package dev.hibernatelite.internal.context;

import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.internal.engine.ReadConnection;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.ReadMessages;
import jakarta.persistence.PersistenceException;
import org.hibernate.Session;
import org.hibernate.Transaction;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sessions of one context: at most one per engine, opened on first use, each with a
 * transaction begun whenever it is asked for and none is active (SQLAlchemy's autobegin).
 * Closing rolls back and closes them all, and closes what was attached to the context (the
 * async sessions). Every method is synchronized so that a context
 * handed between threads, or closed by the request's completion while another thread still
 * holds it, never opens a session after it closed.
 *
 * <p>Internal: not part of the public API.
 */
public final class ContextSessions implements SessionContext {
    private final SyncEngines engines;
    private final Object description;
    private final ContextBinding binding;
    private final String defaultEngine;
    private final Function<SessionContext, AsyncSessions> asyncView;
    private final SessionSetup setup;
    private final Map<String, Session> sessions = new LinkedHashMap<>(4);
    private final Map<Object, AutoCloseable> attachments = new LinkedHashMap<>(2);
    // read-only sessions run on connections of their own, which the context returns when it ends
    private final Map<String, ReadConnection> readConnections = new LinkedHashMap<>(2);
    private final Set<String> committed = new HashSet<>(2);
    private boolean readOnly;
    private Map<String, EngineUnit> units = Map.of();
    private boolean closed;
    private ContextSessions previous;
    // the request's route, for the warning about uncommitted changes; null outside requests
    private volatile String route;

    /**
     * @param engines the application's engines
     * @param description what the context is, for messages ("request GET /users"); its
     *        {@code toString()} is called only when a message needs it
     * @param binding the binding to leave when the context closes on the thread it is current on,
     *        or null when whoever bound it unbinds it
     * @param defaultEngine the engine that calls without a name use, or null for {@code default}
     * @param asyncView makes the async view of a context
     * @param setup opens and sets up the sessions
     */
    ContextSessions(SyncEngines engines, Object description, ContextBinding binding, String defaultEngine,
                    Function<SessionContext, AsyncSessions> asyncView, SessionSetup setup) {
        this.engines = engines;
        this.description = description;
        this.binding = binding;
        this.defaultEngine = defaultEngine;
        this.asyncView = asyncView;
        this.setup = setup;
    }

    private SyncEngine defaultEngine(String call) {
        return defaultEngine == null ? engines.getDefault(call) : engines.get(defaultEngine);
    }

    @Override
    public Session session() {
        return session(defaultEngine("db.session()"));
    }

    @Override
    public Session session(String engine) {
        return session(engines.get(engine));
    }

    private synchronized Session session(SyncEngine engine) {
        checkOpen("db.session()");
        Session session = sessions.get(engine.name());
        EngineUnit unit = units.get(engine.name());
        if (session == null && (readOnly || unit != null && unit.readOnly())) {
            return openReadOnly(engine, unit);
        }
        if (readConnections.containsKey(engine.name())) {
            return session;
        }
        // a unit of work with transactional = false leaves transactions to the code
        boolean autobegin = unit == null || unit.transactional();
        if (session == null) {
            session = setup.open(engine, unit);
            if (autobegin) {
                try {
                    session.beginTransaction();
                } catch (RuntimeException e) {
                    closeQuietly(engine.name(), session);
                    throw e;
                }
            }
            sessions.put(engine.name(), session);
        } else if (autobegin && !session.getTransaction().isActive()) {
            session.beginTransaction();
        }
        return session;
    }

    /**
     * A read-only session: on a connection in auto-commit that the database holds read-only (from
     * a replica, unless this context or one it is nested in committed on the engine: then from the
     * primary, to read its own writes), with no snapshots and no flush.
     */
    private Session openReadOnly(SyncEngine engine, EngineUnit unit) {
        ReadConnection connection;
        try {
            connection = engine.openReadConnection(committedHere(engine.name()));
        } catch (SQLException e) {
            throw new PersistenceException("engine '" + engine.name() + "': no connection for a read-only session: "
                    + e.getMessage(), e);
        }
        try {
            Session session = setup.openReadOnly(engine, connection.connection(), unit);
            sessions.put(engine.name(), session);
            readConnections.put(engine.name(), connection);
            return session;
        } catch (RuntimeException e) {
            closeQuietly(engine.name(), connection);
            throw e;
        }
    }

    /** @return whether this context, or one it is nested in on its thread, committed on the engine */
    private boolean committedHere(String engine) {
        for (ContextSessions context = this; context != null; context = context.previous) {
            if (context.committedOn(engine)) {
                return true;
            }
        }
        return false;
    }

    private synchronized boolean committedOn(String engine) {
        return committed.contains(engine);
    }

    /**
     * Makes the sessions this context opens from now on read-only ({@code @ReadOnly}).
     *
     * @param readOnly whether they are
     */
    synchronized void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /**
     * What the request's units of work ask of each engine's session from now on; a session
     * already open (by a request filter) gets their cache and flush modes.
     *
     * @param units by engine name
     */
    synchronized void unitsOfWork(Map<String, EngineUnit> units) {
        this.units = Map.copyOf(units);
        units.forEach((engine, unit) -> {
            Session open = sessions.get(engine);
            if (open != null) {
                SessionSetup.applyUnit(open, unit);
            }
        });
    }

    /** @return whether the sessions this context opens are read-only */
    public synchronized boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public AsyncSessions async() {
        return asyncView.apply(this);
    }

    /**
     * What another part of the bundle keeps for the length of this context (the async sessions),
     * made on first request and closed when the context closes.
     *
     * @param key identifies the attachment
     * @param create makes it
     * @param call the API call, for the message if the context has ended
     * @param <T> its type
     * @return the attachment
     * @throws IllegalStateException if the context has ended
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends AutoCloseable> T attachment(Object key, Supplier<T> create, String call) {
        checkOpen(call);
        return (T) attachments.computeIfAbsent(key, k -> create.get());
    }

    @Override
    public void commit() {
        commit(defaultEngine("db.commit()"));
    }

    @Override
    public void commit(String engine) {
        commit(engines.get(engine));
    }

    private synchronized void commit(SyncEngine engine) {
        checkOpen("db.commit()");
        if (readConnections.containsKey(engine.name())) {
            throw new IllegalStateException(ReadMessages.commitInReadOnlyContext("db.commit()", engine.name(),
                    String.valueOf(description)));
        }
        Session session = sessions.get(engine.name());
        if (session != null) {
            commitOrDiscard(engine.name(), session);
            committed.add(engine.name());
        }
    }

    @Override
    public void rollback() {
        rollback(defaultEngine("db.rollback()"));
    }

    @Override
    public void rollback(String engine) {
        rollback(engines.get(engine));
    }

    private synchronized void rollback(SyncEngine engine) {
        checkOpen("db.rollback()");
        Session session = sessions.get(engine.name());
        if (session == null) {
            return;
        }
        if (readConnections.containsKey(engine.name())) {
            session.clear();
            return;
        }
        try {
            Transaction tx = session.getTransaction();
            if (tx.isActive()) {
                tx.rollback();
            }
            session.clear();
        } catch (RuntimeException e) {
            discard(engine.name(), session);
            throw e;
        }
    }

    /** Commits every session this context opened; see {@link #commitAll(Set)}. */
    public void commitAll() {
        commitAll(null);
    }

    /**
     * Commits the sessions this context opened of the given engines, in the order they were
     * opened. If one fails, the ones not yet committed are rolled back and the failure is thrown.
     *
     * @param only the engines, or null for every one
     */
    synchronized void commitAll(Set<String> only) {
        if (closed) {
            return;
        }
        List<Map.Entry<String, Session>> opened = new ArrayList<>(sessions.entrySet());
        opened.removeIf(entry -> readConnections.containsKey(entry.getKey())
                || only != null && !only.contains(entry.getKey()));
        for (int i = 0; i < opened.size(); i++) {
            try {
                commitOrDiscard(opened.get(i).getKey(), opened.get(i).getValue());
                committed.add(opened.get(i).getKey());
            } catch (RuntimeException e) {
                for (int j = i + 1; j < opened.size(); j++) {
                    rollbackQuietly(opened.get(j).getKey(), opened.get(j).getValue());
                }
                throw e;
            }
        }
    }

    /** Rolls back every session this context opened; failures are logged, never thrown. */
    public synchronized void rollbackAll() {
        sessions.forEach(this::rollbackQuietly);
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (binding != null) {
            binding.unbind(this);
        }
        List<Map.Entry<String, Session>> opened;
        List<AutoCloseable> attached;
        Map<String, ReadConnection> borrowed;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            opened = new ArrayList<>(sessions.entrySet());
            sessions.clear();
            borrowed = new LinkedHashMap<>(readConnections);
            readConnections.clear();
            attached = new ArrayList<>(attachments.values());
            attachments.clear();
        }
        ContextEnd.end(description, route, setup.warnings(), attached, opened, borrowed);
    }

    /** @return what the context is, for messages */
    public String description() {
        return String.valueOf(description);
    }

    /** @param route the request's route ({@code POST /notes}), which the warning about uncommitted changes names */
    void route(String route) {
        this.route = route;
    }

    ContextSessions previous() {
        return previous;
    }

    void setPrevious(ContextSessions previous) {
        this.previous = previous;
    }

    private void commitOrDiscard(String engine, Session session) {
        try {
            Transaction tx = session.getTransaction();
            if (!tx.isActive()) {
                // work done through a held Session after the last commit still gets flushed
                tx.begin();
            }
            tx.commit();
        } catch (RuntimeException e) {
            discard(engine, session);
            throw e;
        }
    }

    /** A session whose commit or rollback failed cannot be trusted: drop it, the next call opens a fresh one. */
    private void discard(String engine, Session session) {
        sessions.remove(engine);
        rollbackQuietly(engine, session);
        closeQuietly(engine, session);
    }

    private void rollbackQuietly(String engine, Session session) {
        QuietEnd.rollback(engine, session, description);
    }

    private void closeQuietly(String engine, Session session) {
        QuietEnd.close(engine, session, description);
    }

    private void closeQuietly(String engine, ReadConnection connection) {
        QuietEnd.close(engine, connection, description);
    }

    private void checkOpen(String call) {
        if (closed) {
            throw new IllegalStateException(Messages.contextClosed(call, String.valueOf(description)));
        }
    }

    @Override
    public String toString() {
        return "SessionContext{" + description + (closed ? ", closed" : "") + "}";
    }
}
