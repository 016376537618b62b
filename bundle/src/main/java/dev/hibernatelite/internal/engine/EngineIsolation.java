package dev.hibernatelite.internal.engine;

import dev.hibernatelite.TestIsolation;

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
    private boolean closed;

    private EngineIsolation(List<IsolatingDataSource> isolated) {
        this.isolated = isolated;
    }

    /**
     * @param engines the application's engines
     * @return the isolation of all of them
     * @throws IllegalStateException if one cannot be isolated (none stays isolated then)
     */
    public static TestIsolation isolate(Engines engines) {
        List<IsolatingDataSource> isolated = new ArrayList<>();
        try {
            for (Engine engine : engines.all()) {
                engine.isolating().isolate();
                isolated.add(engine.isolating());
            }
        } catch (SQLException e) {
            end(isolated);
            throw new IllegalStateException("db.testIsolation() could not hold a connection: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            end(isolated);
            throw e;
        }
        return new EngineIsolation(isolated);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            end(isolated);
        }
    }

    private static void end(List<IsolatingDataSource> isolated) {
        IllegalStateException failure = null;
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
