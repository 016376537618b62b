package dev.hibernatelite.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read-only session's connection, and its place in the engine's read {@link ConnectionGate}:
 * closing it gives both back.
 *
 * <p>Internal: not part of the public API.
 */
public final class ReadConnection implements AutoCloseable {
    private final Connection connection;
    private final ConnectionGate gate;

    /**
     * @param connection the connection
     * @param gate the gate it passed, or null (a test isolation's connection passes none)
     */
    ReadConnection(Connection connection, ConnectionGate gate) {
        this.connection = connection;
        this.gate = gate;
    }

    /** @return the connection, for the session */
    public Connection connection() {
        return connection;
    }

    /**
     * Returns the connection to its pool and leaves the gate.
     *
     * @throws SQLException what closing the connection threw (the gate is left all the same)
     */
    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (gate != null) {
                gate.leave();
            }
        }
    }
}
