package dev.hibernatelite.internal.engine;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hibernate's connections for an engine: from its {@link IsolatingDataSource}, each taken through
 * the engine's {@link ConnectionGate} and given back through it.
 *
 * <p>Internal: not part of the public API.
 */
final class GatedConnectionProvider implements ConnectionProvider {
    private static final long serialVersionUID = 1L;

    private final transient IsolatingDataSource dataSource;
    private final transient ConnectionGate gate;

    GatedConnectionProvider(IsolatingDataSource dataSource, ConnectionGate gate) {
        this.dataSource = dataSource;
        this.gate = gate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return gate.open(dataSource::getConnection);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            connection.close();
        } finally {
            gate.leave();
        }
    }

    /** @return true: a connection goes back after each transaction, as with Hibernate's own provider */
    @Override
    public boolean supportsAggressiveRelease() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || type.isAssignableFrom(IsolatingDataSource.class);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isAssignableFrom(IsolatingDataSource.class)) {
            return type.cast(dataSource);
        }
        throw new UnknownUnwrapTypeException(type);
    }

    @Override
    public String toString() {
        return "GatedConnectionProvider{" + dataSource + "}";
    }
}
