package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.internal.async.AsyncEngines;
import dev.hibernatelite.internal.engine.IsolatingDataSource;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every engine, sync and async, into test isolation at once, and takes them all out again.
 *
 * <p>Internal: not part of the public API.
 */
final class IsolatedEngines implements AutoCloseable {
    private final List<IsolatingDataSource> isolated;
    private final AutoCloseable isolatedAsync;
    private boolean closed;

    private IsolatedEngines(List<IsolatingDataSource> isolated, AutoCloseable isolatedAsync) {
        this.isolated = isolated;
        this.isolatedAsync = isolatedAsync;
    }

    /**
     * @param sync the sync engines
     * @param async the async engines
     * @return the isolation of all of them
     * @throws IllegalStateException if one cannot be isolated (none stays isolated then)
     */
    static IsolatedEngines isolate(SyncEngines sync, AsyncEngines async) {
        List<IsolatingDataSource> isolated = new ArrayList<>();
        try {
            for (SyncEngine engine : sync.all()) {
                engine.dataSource().isolate();
                isolated.add(engine.dataSource());
            }
            return new IsolatedEngines(isolated, async.isolate());
        } catch (Exception e) {
            end(isolated, () -> { });
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException("the test isolation could not hold a connection: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            end(isolated, isolatedAsync);
        }
    }

    private static void end(List<IsolatingDataSource> isolated, AutoCloseable isolatedAsync) {
        IllegalStateException failure = null;
        try {
            isolatedAsync.close();
        } catch (Exception e) {
            failure = e instanceof IllegalStateException ? (IllegalStateException) e
                    : new IllegalStateException(e.getMessage(), e);
        }
        for (IsolatingDataSource dataSource : isolated) {
            try {
                dataSource.endIsolation();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = new IllegalStateException("rolling back a test isolation failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
