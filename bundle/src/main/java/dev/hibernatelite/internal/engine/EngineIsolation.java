package dev.hibernatelite.internal.engine;

import dev.hibernatelite.TestIsolation;
import dev.hibernatelite.internal.async.AsyncEngine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every engine into test isolation at once, and takes them all out again.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineIsolation implements TestIsolation {
    private final List<IsolatingDataSource> isolated;
    private final List<AsyncEngine> isolatedAsync;
    private boolean closed;

    private EngineIsolation(List<IsolatingDataSource> isolated, List<AsyncEngine> isolatedAsync) {
        this.isolated = isolated;
        this.isolatedAsync = isolatedAsync;
    }

    /**
     * @param engines the application's engines
     * @return the isolation of all of them
     * @throws IllegalStateException if one cannot be isolated (none stays isolated then)
     */
    public static TestIsolation isolate(Engines engines) {
        List<IsolatingDataSource> isolated = new ArrayList<>();
        List<AsyncEngine> isolatedAsync = new ArrayList<>();
        try {
            for (Engine engine : engines.all()) {
                engine.isolating().isolate();
                isolated.add(engine.isolating());
            }
            for (AsyncEngine engine : engines.async().all()) {
                engine.isolate();
                isolatedAsync.add(engine);
            }
        } catch (Exception e) {
            end(isolated, isolatedAsync);
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException("db.testIsolation() could not hold a connection: " + e.getMessage(), e);
        }
        return new EngineIsolation(isolated, isolatedAsync);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            end(isolated, isolatedAsync);
        }
    }

    private static void end(List<IsolatingDataSource> isolated, List<AsyncEngine> isolatedAsync) {
        IllegalStateException failure = null;
        for (AsyncEngine engine : isolatedAsync) {
            try {
                engine.endIsolation();
            } catch (Exception e) {
                failure = new IllegalStateException("rolling back the test isolation of async engine '" + engine.name()
                        + "' failed: " + e.getMessage(), e);
            }
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
