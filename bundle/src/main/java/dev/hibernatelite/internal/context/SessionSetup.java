package dev.hibernatelite.internal.context;

import dev.hibernatelite.SessionOptions;
import dev.hibernatelite.internal.engine.SyncEngine;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Opens the sessions of contexts and sets them up: the engine's session options, then what the
 * request's unit of work asks of that engine.
 *
 * <p>Internal: not part of the public API.
 */
public final class SessionSetup {
    /** Hibernate's defaults for every engine. */
    public static final SessionSetup DEFAULTS = new SessionSetup(engine -> SessionOptions.defaults(), null);

    private final Function<String, SessionOptions> options;
    private final UncommittedWarnings warnings;
    // whether each engine's sessions can carry a ChangeTracker, asked once per session factory
    private final Map<SessionFactory, Boolean> trackable = new ConcurrentHashMap<>();

    /**
     * @param options each engine's session options
     * @param warnings where requests that end with uncommitted changes are reported, or null for nowhere
     */
    public SessionSetup(Function<String, SessionOptions> options, UncommittedWarnings warnings) {
        this.options = options;
        this.warnings = warnings;
    }

    /** @return where requests that end with uncommitted changes are reported, or null */
    UncommittedWarnings warnings() {
        return warnings;
    }

    /**
     * @param engine the engine
     * @param unit what the request's unit of work asks of it, or null
     * @return a new session, no transaction begun
     */
    Session open(SyncEngine engine, EngineUnit unit) {
        SessionFactory factory = engine.sessionFactory();
        Session session = warnings != null && trackable.computeIfAbsent(factory, ChangeTracker::fits)
                ? factory.withOptions().interceptor(new ChangeTracker()).openSession()
                : factory.openSession();
        try {
            apply(session, engine.name(), unit, false);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * @param engine the engine
     * @param connection a read connection, in auto-commit
     * @param unit what the request's unit of work asks of it, or null
     * @return a new read-only session on that connection, which never flushes
     */
    Session openReadOnly(SyncEngine engine, Connection connection, EngineUnit unit) {
        Session session = engine.sessionFactory().withOptions().connection(connection)
                .flushMode(FlushMode.MANUAL).openSession();
        try {
            session.setDefaultReadOnly(true);
            apply(session, engine.name(), unit, true);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * Applies a unit of work's modes to a session opened before the request's method was matched.
     *
     * @param session the session
     * @param unit the unit
     */
    static void applyUnit(Session session, EngineUnit unit) {
        if (unit.cacheMode() != null) {
            session.setCacheMode(unit.cacheMode());
        }
        if (unit.flushMode() != null && !session.isDefaultReadOnly()) {
            session.setHibernateFlushMode(unit.flushMode());
        }
    }

    private void apply(Session session, String engine, EngineUnit unit, boolean readOnly) {
        SessionOptions o = options.apply(engine);
        FlushMode flush = unit != null && unit.flushMode() != null ? unit.flushMode() : o.flushMode().orElse(null);
        if (flush != null && !readOnly) {
            session.setHibernateFlushMode(flush);
        }
        CacheMode cache = unit != null && unit.cacheMode() != null ? unit.cacheMode() : o.cacheMode().orElse(null);
        if (cache != null) {
            session.setCacheMode(cache);
        }
        o.jdbcBatchSize().ifPresent(session::setJdbcBatchSize);
        o.fetchBatchSize().ifPresent(session::setFetchBatchSize);
    }
}
