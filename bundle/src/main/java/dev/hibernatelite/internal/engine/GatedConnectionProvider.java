package dev.hibernatelite.internal.engine;

import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hibernate's connections for an engine: from its {@link IsolatingDataSource}, each taken through
 * the engine's {@link ConnectionGate} and given back through it.
 *
 * <p>Internal: not part of the public API.
 */
final class GatedConnectionProvider extends DatasourceConnectionProviderImpl {
    private final transient ConnectionGate gate;
    private final transient EngineAvailability availability;

    GatedConnectionProvider(IsolatingDataSource dataSource, ConnectionGate gate, EngineAvailability availability) {
        this.gate = gate;
        this.availability = availability;
        setDataSource(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        gate.enter(availability);
        try {
            return super.getConnection();
        } catch (SQLException | RuntimeException | Error e) {
            gate.leave();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            super.closeConnection(connection);
        } finally {
            gate.leave();
        }
    }
}
