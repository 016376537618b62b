package dev.hibernatelite.internal.context;

import org.hibernate.CacheMode;
import org.hibernate.FlushMode;

/**
 * What a unit of work (dropwizard-hibernate's {@code @UnitOfWork}) asks of one engine's session
 * in a request: read-only or not, in a transaction or not, and modes that override the session
 * options. Its transactional, writable sessions are committed when the resource method succeeds.
 *
 * <p>Internal: not part of the public API.
 *
 * @param engine the engine's name
 * @param readOnly the session is a read-only one (auto-commit on a read-only connection, no flush)
 * @param transactional a transaction is begun (and committed on success); when false, none is
 *        begun for the code, which may begin its own
 * @param cacheMode the cache mode, or null for the session options'
 * @param flushMode the flush mode, or null for the session options'
 */
public record EngineUnit(String engine, boolean readOnly, boolean transactional, CacheMode cacheMode,
                         FlushMode flushMode) {
    /** @return whether the method's success commits this engine's session */
    boolean commits() {
        return transactional && !readOnly;
    }
}
