package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.PgBouncerProcess;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request contract through a real PgBouncer in transaction pooling mode ({@code pgbouncer:
 * true}): every statement may reach another server connection, so nothing may rely on a
 * server-side prepared statement or on session state. Needs the machine's pgbouncer
 * ({@code apt-get install pgbouncer}; .ci/run installs it).
 */
class PgBouncerTest extends RequestSessionsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private static PgBouncerProcess pgbouncer;

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"),
            ConfigOverride.config("engines.default.url", PgBouncerTest::throughPgBouncer),
            ConfigOverride.config("engines.default.pgbouncer", "true"));

    private static String throughPgBouncer() {
        Assumptions.assumeTrue(PgBouncerProcess.installed().isPresent(),
                "no pgbouncer on this machine: apt-get install pgbouncer (CI installs it)");
        pgbouncer = PgBouncerProcess.start(POSTGRES.url());
        return pgbouncer.url();
    }

    @AfterAll
    static void stopPgBouncer() {
        if (pgbouncer != null) {
            pgbouncer.close();
        }
    }

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void aQueryRepeatedAcrossManyTransactionsNeedsNoServerSidePreparedStatement() {
        long id = Long.parseLong(http().post("/notes/committed?text=" + encode(unique("repeated"))).body()
                .replaceAll("\\D+", ""));
        for (int i = 0; i < 30; i++) {
            assertThat(http().get("/notes/" + id).statusCode()).as("request %d: %s", i, pgbouncer.log()).isEqualTo(200);
        }
    }

    @Test
    void readOnlyRequestsRunThroughPgBouncerWithoutSessionState() {
        String text = unique("read-through");
        http().post("/notes/committed?text=" + encode(text));

        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/read-only/notes").body()).contains(text);
        }
        // without replicas the database does not hold them read-only behind PgBouncer (HL452 at startup)
        assertThat(http().get("/read-only/server").body()).contains("\"readOnly\":\"off\"");
    }
}
