package dev.hibernatelite;

import org.hibernate.Session;

/**
 * A database context: the span in which {@code db.session()} returns one session per engine,
 * opened on first use. Each request is one; {@link HibernateLite#context()} opens one anywhere
 * else (jobs, commands, tests, startup), like flask-sqlalchemy-lite's {@code app.app_context()}.
 *
 * <p>Closing a context closes every session it opened and rolls back whatever was not
 * committed. Nothing is ever committed implicitly.
 *
 * <p>A context may be handed to another thread (a {@code CompletionStage} stage,
 * an {@code @Suspended} callback) and used there, but by one thread at a time: Hibernate
 * sessions are not thread-safe.
 */
public interface SessionContext extends AutoCloseable {
    /**
     * The default engine's session in this context, opened on the first call, with a
     * transaction begun (a new one after each commit or rollback).
     *
     * @return the session; the same object on every call in this context
     * @throws IllegalStateException if the context has ended, or there is no default engine
     */
    Session session();

    /**
     * The named engine's session in this context; see {@link #session()}.
     *
     * @param engine the engine's name, a key under {@code engines}
     * @return the session
     * @throws IllegalArgumentException if there is no such engine (the message lists the known ones)
     * @throws IllegalStateException if the context has ended
     */
    Session session(String engine);

    /**
     * The async API on this context: its reactive sessions, usable from another thread of the
     * request (a {@code CompletionStage} stage) after capturing the context. See
     * {@link HibernateLite#async()}.
     *
     * @return the async API on this context
     * @throws IllegalStateException when no async engine is configured (HL207)
     */
    AsyncSessions async();

    /**
     * Commits the default engine's transaction, if its session was opened. The next use of
     * {@link #session()} begins a new transaction.
     *
     * @throws IllegalStateException if the context has ended
     * @throws RuntimeException what Hibernate throws if the commit fails; the failed session is then
     *         closed and the next {@link #session()} opens a fresh one
     */
    void commit();

    /**
     * Commits the named engine's transaction; see {@link #commit()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine
     */
    void commit(String engine);

    /**
     * Rolls back the default engine's transaction, if its session was opened, and clears the
     * session so no stale entity stays in it.
     *
     * @throws IllegalStateException if the context has ended
     */
    void rollback();

    /**
     * Rolls back the named engine's transaction; see {@link #rollback()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine
     */
    void rollback(String engine);

    /** @return whether the context is still open */
    boolean isOpen();

    /**
     * Ends the context: rolls back and closes every session it opened. Idempotent; may be
     * called from any thread.
     */
    @Override
    void close();
}
