package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test isolation of an async engine on real PostgreSQL: what a test commits through Hibernate
 * Reactive over HTTP is gone in the next test, what it deletes is back. In order, because each
 * test checks what the previous one did.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReactiveIsolationTest {
    private static final String COMMITTED = "async-committed-" + System.nanoTime();
    private static final String EXISTING = "async-existing-" + System.nanoTime();
    private static String existingId;

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = ReactiveContract.reactiveApp(POSTGRES);

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<ProbeApp>getApplication().db());

    private static Http http() {
        return new Http(APP.getLocalPort());
    }

    private static long count(String text) {
        return Long.parseLong(http().get("/reactive/notes/count?text=" + encode(text)).body().trim());
    }

    @BeforeAll
    static void aRowExistsBeforeTheTests() {
        existingId = http().post("/reactive/notes?text=" + encode(EXISTING)).body().replaceAll("\\D+", "");
    }

    @Test
    @Order(1)
    void aTestCommitsARowThroughAnAsyncRequest() {
        assertThat(http().post("/reactive/notes?text=" + encode(COMMITTED)).statusCode()).isEqualTo(201);
        assertThat(count(COMMITTED)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theRowItCommittedIsGone() {
        assertThat(count(COMMITTED)).isZero();
    }

    @Test
    @Order(3)
    void aTestDeletesARowThatExistedBeforeIt() {
        assertThat(http().post("/reactive/notes/" + existingId + "/delete").statusCode()).isEqualTo(200);
        assertThat(count(EXISTING)).isZero();
    }

    @Test
    @Order(4)
    void theRowItDeletedIsBack() {
        assertThat(count(EXISTING)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aTransactionThatFailsInsideTheIsolationIsRolledBackToItsSavepointOnly() {
        String text = "async-midway-" + System.nanoTime();
        assertThat(http().post("/reactive/notes?text=" + encode(text + "-kept")).statusCode()).isEqualTo(201);
        assertThat(http().post("/reactive/notes/fail-midway?text=" + encode(text)).statusCode()).isEqualTo(409);
        assertThat(count(text)).isZero();
        assertThat(count(text + "-kept")).isEqualTo(1);
    }
}
