package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.it.support.ServerSessions;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Async sessions on real PostgreSQL, with an async pool of 5; after each test the server sees no
 * connection running or in a transaction.
 */
class ReactivePostgresTest extends ReactiveContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = reactiveApp(POSTGRES);

    private final ServerSessions server = new ServerSessions(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Override
    int serverConnections() {
        return server.connections();
    }

    @AfterEach
    void noConnectionIsLeftInATransaction() {
        server.awaitQuiet();
    }

    @Test
    void theAsyncPoolAndItsHibernateStatisticsAreMetrics() {
        assertThat(gauge("hibernate-lite.async.default.pool.MaxConnections")).isEqualTo(5);
        long inserts = gauge("hibernate-lite.async.default.hibernate.entityInserts");
        assertThat(http().post("/reactive/notes?text=" + encode("metered-" + System.nanoTime())).statusCode())
                .isEqualTo(201);
        assertThat(gauge("hibernate-lite.async.default.hibernate.entityInserts")).isEqualTo(inserts + 1);
        assertThat(gauge("hibernate-lite.async.default.pool.TotalConnections")).isBetween(1L, 5L);
    }

    @Test
    void aClientThatHangsUpOnAnAsyncRequestLeavesNoSessionOpen() throws Exception {
        String text = "hung-up-" + System.nanoTime();
        ProbeApp probe = APP.getApplication();
        probe.slow().hold();
        try (LogCapture logs = new LogCapture()) {
            try {
                var call = http().postAsync("/reactive/notes/slow?text=" + encode(text), Duration.ofMillis(500));
                assertThat(probe.slow().awaitArrivals(1, 10)).as("the request reached its transaction").isTrue();
                assertThat(call).failsWithin(Duration.ofSeconds(10));
                assertThat(server.inState("idle in transaction")).as("the held transaction").isEqualTo(1);
            } finally {
                probe.slow().release();
            }
            everyAsyncSessionIsClosed();
            noConnectionIsLeftInATransaction();
            assertThat(logs.text()).doesNotContain("HR000069");
        }
    }

    @Test
    void anAsyncReadOnlyRequestRunsOnAConnectionTheDatabaseHoldsReadOnly() {
        assertThat(http().get("/async/read-only/read-only-setting").body()).isEqualTo("\"on\"");
    }

    @Test
    void anAsyncReadOnlyRequestReadsCommittedRows() {
        String text = "async-read-only-" + System.nanoTime();
        assertThat(http().post("/notes/committed?text=" + text).statusCode()).isEqualTo(200);
        assertThat(http().get("/async/read-only/notes").body()).contains(text);
    }

    @Test
    void aTransactionInAnAsyncReadOnlyRequestIsRefusedAndWritesNothing() {
        String text = "async-refused-" + System.nanoTime();
        assertThat(http().post("/async/read-only/notes?text=" + text).statusCode()).isEqualTo(500);
        assertThat(http().get("/notes").body()).doesNotContain(text);
    }
}
