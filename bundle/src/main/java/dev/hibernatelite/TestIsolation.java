package dev.hibernatelite;

/**
 * A test isolation, opened by {@link HibernateLite#testIsolation()}: until it closes, every
 * engine serves one connection held in an outer transaction, commits only release savepoints,
 * and closing it rolls everything back, deletes of rows that existed before included.
 */
public interface TestIsolation extends AutoCloseable {
    /**
     * Rolls back everything done since the isolation opened and gives the connections back.
     * Idempotent.
     *
     * @throws IllegalStateException if a rollback fails (the connections are released anyway)
     */
    @Override
    void close();
}
