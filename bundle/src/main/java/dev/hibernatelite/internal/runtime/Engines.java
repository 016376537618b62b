package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.internal.async.AsyncEngines;
import dev.hibernatelite.internal.context.Contexts;
import dev.hibernatelite.internal.engine.SyncEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of one run of the application, sync and async, and the contexts opened on them.
 * Closed together: the async engines first, then the sync ones.
 *
 * @param sync the sync engines
 * @param async the async engines ({@link AsyncEngines#NONE} when none are configured)
 * @param contexts makes and finds the contexts
 */
record Engines(SyncEngines sync, AsyncEngines async, Contexts contexts) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    @Override
    public void close() {
        try {
            async.close();
        } catch (RuntimeException e) {
            LOG.error("the async engines did not close cleanly", e);
        }
        sync.close();
    }
}
