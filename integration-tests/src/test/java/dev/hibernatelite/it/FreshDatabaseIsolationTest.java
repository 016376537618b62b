package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolation;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second isolation strategy: each test on a fresh copy of the database (PostgreSQL's CREATE
 * DATABASE ... TEMPLATE), so that a sync and an async engine on the same database see each
 * other's commits, which the rollback isolation (one held connection per engine) cannot give.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshDatabaseIsolationTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("reactive.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url),
            ConfigOverride.config("asyncEngines.default.url", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<ProbeApp>getApplication().db())
            .withFreshDatabase(POSTGRES);

    private static Http http() {
        return new Http(APP.getLocalPort());
    }

    private static String committedThroughTheSyncEngine(String text) {
        return http().post("/notes/committed?text=" + encode(text)).body().replaceAll("\\D+", "");
    }

    private static long notesSeenByTheAsyncEngine(String text) {
        return Long.parseLong(http().get("/reactive/notes/count?text=" + encode(text)).body().trim());
    }

    @Test
    @Order(1)
    void theAsyncEngineSeesRowsTheSyncEngineCommitted() {
        String id = committedThroughTheSyncEngine("shared");

        assertThat(http().get("/reactive/notes/" + id).statusCode()).isEqualTo(200);
        assertThat(notesSeenByTheAsyncEngine("shared")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheTemplateWithoutThem() {
        assertThat(notesSeenByTheAsyncEngine("shared")).isZero();
        assertThat(http().get("/notes").body()).doesNotContain("shared");
    }

    @Test
    @Order(3)
    void aFreshDatabasePerTestCostsACopyOfTheTemplate() {
        int copies = 5;
        long start = System.nanoTime();
        for (int i = 0; i < copies; i++) {
            committedThroughTheSyncEngine("copy-" + i);
            TestIsolation.openFreshDatabase(APP.<ProbeApp>getApplication().db(), POSTGRES).close();
        }
        long millisPerTest = (System.nanoTime() - start) / 1_000_000 / copies;
        System.out.println("SCENARIO fresh database per test (DROP + CREATE DATABASE ... TEMPLATE, pools evicted, one"
                + " request after): " + millisPerTest + " ms per test, over " + copies + " tests");

        long rollbackStart = System.nanoTime();
        for (int i = 0; i < copies; i++) {
            try (TestIsolation rollback = TestIsolation.open(APP.<ProbeApp>getApplication().db())) {
                committedThroughTheSyncEngine("rolled-back-" + i);
            }
        }
        System.out.println("SCENARIO rollback isolation, for comparison (one request per test): "
                + (System.nanoTime() - rollbackStart) / 1_000_000 / copies + " ms per test, over " + copies + " tests");

        assertThat(notesSeenByTheAsyncEngine("copy-4")).isZero();
        assertThat(http().get("/notes").statusCode()).isEqualTo(200);
        assertThat(millisPerTest).isLessThan(30_000);
    }

    @Test
    @Order(4)
    void underTheRollbackIsolationTheAsyncEngineDoesNotSeeWhatTheSyncEngineCommitted() {
        try (TestIsolation rollback = TestIsolation.open(APP.<ProbeApp>getApplication().db())) {
            String id = committedThroughTheSyncEngine("held");
            assertThat(http().get("/reactive/notes/" + id).statusCode()).isEqualTo(404);
        }
    }
}
