package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.testfixtures.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How sessions wait for a connection in the engine's gate instead of in HikariCP. */
class ConnectionGateTest {
    private final EngineAvailability availability = UnreachableDatabase.availability();

    private final MetricRegistry metrics = new MetricRegistry();

    @AfterEach
    void close() {
        availability.close();
    }

    @Test
    void aSessionBeyondThePoolSizeWaitsUntilAnotherLeaves() throws Exception {
        ConnectionGate gate = gate(60_000);
        gate.enter();

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> enter(gate));
        Eventually.await("the second session to wait", Duration.ofSeconds(10), () -> gate.waiting() == 1,
                () -> "waiting: " + gate.waiting());
        assertThat(second).isNotDone();
        assertThat(metrics.getGauges().get("hibernate-lite.orders.pool.WaitingSessions").getValue()).isEqualTo(1);

        gate.leave();
        second.get(10, TimeUnit.SECONDS);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aWaitLongerThanMaxWaitForConnectionFailsNamingTheEngineTheYamlPathAndTheFix() throws SQLException {
        ConnectionGate gate = gate(50);
        gate.enter();

        Throwable timeout = catchThrowable(gate::enter);

        assertThat(timeout).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageStartingWith("HL410").hasMessageContaining("engine 'orders'")
                .hasMessageContaining("within 50 ms (engines.orders.maxWaitForConnection)")
                .hasMessageContaining("raise engines.orders.maxSize");
        assertThat(metrics.meter("hibernate-lite.orders.pool.ConnectionTimeoutRate").getCount()).isOne();
    }

    @Test
    void aWaitEndsAtOnceWithARefusalWhenTheDatabaseGoesDown() throws Exception {
        ConnectionGate gate = gate(600_000);
        gate.enter();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> enter(gate));
        Eventually.await("the second session to wait", Duration.ofSeconds(10), () -> gate.waiting() == 1,
                () -> "waiting: " + gate.waiting());

        availability.connectFailed(new SQLException("Connection to db:5432 refused", "08001"));

        Throwable refusal = catchThrowable(() -> waiting.get(10, TimeUnit.SECONDS));
        assertThat(refusal).isInstanceOf(ExecutionException.class).cause().cause()
                .isInstanceOf(EngineDownException.class);
    }

    @Test
    void whileTheDatabaseIsDownAFullGateRefusesWithoutWaiting() throws SQLException {
        ConnectionGate gate = gate(600_000);
        gate.enter();
        availability.connectFailed(new SQLException("Connection to db:5432 refused", "08001"));

        assertThat(catchThrowable(gate::enter)).isInstanceOf(EngineDownException.class);
    }

    @Test
    void aClosedGateLeavesNoGaugeBehind() {
        ConnectionGate gate = gate(50);
        assertThat(metrics.getGauges()).containsKey("hibernate-lite.orders.pool.WaitingSessions");

        gate.close();

        assertThat(metrics.getGauges()).doesNotContainKey("hibernate-lite.orders.pool.WaitingSessions");
    }

    @Test
    void closingAGateKeepsTheGaugeOfALaterEngineOfTheSameName() throws SQLException {
        ConnectionGate first = gate(50);
        ConnectionGate second = gate(60_000);
        second.enter();
        CompletableFuture.runAsync(() -> enter(second));
        Eventually.await("a session to wait at the second gate", Duration.ofSeconds(10), () -> second.waiting() == 1,
                () -> "waiting: " + second.waiting());

        first.close();

        assertThat(metrics.getGauges().get("hibernate-lite.orders.pool.WaitingSessions").getValue()).isEqualTo(1);
        second.leave();
    }

    /** A gate of one place on engine 'orders', its gauge in {@link #metrics}. */
    private ConnectionGate gate(long maxWaitMillis) {
        return new ConnectionGate(availability, "engines.orders", "hibernate-lite.orders", 1, maxWaitMillis, metrics);
    }

    private void enter(ConnectionGate gate) {
        try {
            gate.enter();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
