package dev.hibernatelite.internal.engine;

import dev.hibernatelite.fixtures.CapturedLogs;
import dev.hibernatelite.testfixtures.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** When an engine counts as down, and how the probe brings it back. */
class EngineAvailabilityTest {
    private final AtomicBoolean databaseAnswers = new AtomicBoolean(false);
    private final AtomicInteger probes = new AtomicInteger();
    private final EngineAvailability availability = new EngineAvailability("orders", "jdbc:postgresql://db/orders",
            "pw-secret", () -> {
                probes.incrementAndGet();
                if (!databaseAnswers.get()) {
                    throw new SQLException("Connection to db:5432 refused (pw-secret)", "08001");
                }
            }, new OutageLog("orders", "jdbc:postgresql://db/orders"));

    @AfterEach
    void close() {
        availability.close();
    }

    @Test
    void aRefusedConnectionMakesTheEngineDownAndRequestsAreRefusedAtOnceUntilTheProbeConnects() {
        availability.connectFailed(new SQLException("Connection to db:5432 refused", "08001"));

        assertThat(availability.up()).isFalse();
        Throwable refusal = catchThrowable(availability::checkUp);
        assertThat(refusal).isInstanceOf(EngineDownException.class).hasMessageStartingWith("hibernate-lite.orders - ");
        assertThat(((SQLException) refusal).getSQLState()).isEqualTo("08001");
        assertThat(availability.describeDown()).startsWith("down for ").contains("1 requests answered 503")
                .doesNotContain("pw-secret");

        databaseAnswers.set(true);
        Eventually.await("the probe to find the database", Duration.ofSeconds(10), availability::up,
                availability::toString);
        assertThat(availability.describeDown()).isNull();
    }

    @Test
    void aFullServerDoesNotMakeTheEngineDown() {
        availability.connectFailed(new SQLException("FATAL: sorry, too many clients already", "53300"));

        assertThat(availability.up()).isTrue();
    }

    @Test
    void connectionsThatBrokeWhileTheDatabaseAnswersAreReportedOnceAsReplaced() {
        databaseAnswers.set(true);
        try (CapturedLogs logs = CapturedLogs.start()) {
            availability.connectionBroke("hibernate-lite.orders - Connection a marked as broken because of SQLSTATE(57P01)");
            availability.connectionBroke("hibernate-lite.orders - Connection b marked as broken because of SQLSTATE(57P01)");

            Eventually.await("the suspect check", Duration.ofSeconds(10), () -> !logs.containing("HL408").isEmpty(),
                    () -> String.join("\n", logs.texts()));
            assertThat(logs.containing("HL408")).singleElement().asString()
                    .contains("engine 'orders': 2 pooled connections broke").contains("Connection b");
            assertThat(availability.up()).isTrue();
        }
    }

    @Test
    void connectionsThatBrokeBecauseTheDatabaseStoppedMakeTheEngineDown() {
        availability.connectionBroke("hibernate-lite.orders - Connection a marked as broken because of SQLSTATE(08006)");

        Eventually.await("the suspect check", Duration.ofSeconds(10), () -> !availability.up(),
                availability::toString);
        assertThat(probes.get()).isPositive();
    }
}
