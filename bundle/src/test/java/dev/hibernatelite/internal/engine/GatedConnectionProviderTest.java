package dev.hibernatelite.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hibernate's connections pass the engine's gate, and a borrow that fails gives its place back. */
class GatedConnectionProviderTest {
    private final EngineAvailability availability = UnreachableDatabase.availability();
    private final HikariDataSource pool = new HikariDataSource();
    private final IsolatingDataSource dataSource = new IsolatingDataSource(pool, "orders", availability);
    private final ConnectionGate gate = new ConnectionGate(availability, "engines.orders", "hibernate-lite.orders", 1, 50,
            null);
    private final GatedConnectionProvider provider = new GatedConnectionProvider(dataSource, gate);

    @AfterEach
    void close() {
        availability.close();
        pool.close();
    }

    @Test
    void aBorrowThatFailsLeavesTheGateForTheNextSession() throws SQLException {
        availability.connectFailed(new SQLException("Connection to db:5432 refused", "08001"));

        assertThat(catchThrowable(provider::getConnection)).isInstanceOf(EngineDownException.class);

        // the one place is free again: passing does not wait for the 50 ms bound and fail
        gate.enter();
        gate.leave();
    }

    @Test
    void itUnwrapsToTheEnginesDataSourceAsHibernatesOwnProviderDoes() {
        assertThat(provider.isUnwrappableAs(DataSource.class)).isTrue();
        assertThat(provider.unwrap(DataSource.class)).isSameAs(dataSource);
        assertThat(provider.isUnwrappableAs(String.class)).isFalse();
    }
}
