package dev.hibernatelite.testing;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.internal.runtime.BundleAccess;
import dev.hibernatelite.internal.runtime.BundleRuntime;

import static java.util.Objects.requireNonNull;

/**
 * Isolates a test: until it closes, everything done through any engine of a running bundle
 * (requests, {@code db.context()} blocks, sessions opened from the session factories, commits
 * included) is undone when it closes: flask-sqlalchemy-lite's {@code test_isolation()}.
 * {@link TestIsolationExtension} opens one per test.
 *
 * <pre>{@code
 * try (TestIsolation isolation = TestIsolation.open(db)) {
 *     // requests and db.context() blocks; their commits are rolled back at the end
 * }
 * }</pre>
 *
 * <p>Each engine serves one connection while isolated, in an outer transaction; a commit
 * releases a savepoint instead of committing. Work that runs concurrently takes turns on that
 * connection. Each engine holds its own connection, so rows one engine committed are not seen
 * by another engine on the same database during the test (use {@link #openFreshDatabase} when a
 * test needs that). DDL on MySQL/MariaDB commits implicitly and is not undone.
 */
public final class TestIsolation implements AutoCloseable {
    private final AutoCloseable isolated;
    private boolean closed;

    private TestIsolation(AutoCloseable isolated) {
        this.isolated = isolated;
    }

    /**
     * Starts isolating every engine of a running bundle, sync and async.
     *
     * @param db the application's bundle, running
     * @return the isolation; close it at the end of the test
     * @throws IllegalStateException before the bundle ran (HL205), if an engine is already isolated
     *         (HL209), or if a database cannot be reached
     */
    public static TestIsolation open(HibernateLite<?> db) {
        return new TestIsolation(BundleAccess.runtimeOf(requireNonNull(db, "db")).isolate());
    }

    /**
     * Isolates a test by giving the next one a fresh database (PostgreSQL): at the end of the
     * test, the test database is replaced by a copy of its template, made from it the first time
     * (after its migrations ran and the application created what it creates at startup). Nothing
     * is held open during the test, so every engine on the database, sync and async, sees what
     * the others committed. Costs a database copy per test (see docs/testing.md).
     *
     * @param db the application's bundle, running, with its engines on {@code database}
     * @param database the test database the application uses
     * @return the isolation; close it at the end of the test
     * @throws IllegalArgumentException if the database is not a PostgreSQL one
     * @throws IllegalStateException before the bundle ran (HL205), or if the database cannot be copied
     */
    public static TestIsolation openFreshDatabase(HibernateLite<?> db, TestDatabase database) {
        requireNonNull(db, "db");
        requireNonNull(database, "database");
        FreshDatabases.requirePostgres(database.server());
        BundleRuntime<?> runtime = BundleAccess.runtimeOf(db);
        if (database.markTemplated()) {
            FreshDatabases.createTemplate(database.server(), database.name());
            runtime.evictConnections();
        }
        return new TestIsolation(() -> {
            FreshDatabases.recreate(database.server(), database.name());
            runtime.evictConnections();
        });
    }

    /**
     * Rolls back everything done since the isolation opened and gives the connections back.
     * Idempotent.
     *
     * @throws IllegalStateException if a rollback fails (the connections are released anyway)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            isolated.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rolling back the test isolation failed: " + e.getMessage(), e);
        }
    }
}
