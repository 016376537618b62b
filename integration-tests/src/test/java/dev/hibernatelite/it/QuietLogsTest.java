package dev.hibernatelite.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.app.SilentProbeApp;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At INFO, the bundle's defaults log what helps and nothing else: no per-session statistics
 * block, no HHH10001501 when tables are created, and one WARN (HL230) for a request that left
 * changes uncommitted, unless the application turned it off.
 */
class QuietLogsTest extends ProbeAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = atInfo(ProbeApp.class);

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<ProbeConfig> SILENT = atInfo(SilentProbeApp.class);

    private static DropwizardAppExtension<ProbeConfig> atInfo(Class<? extends ProbeApp> app) {
        return new DropwizardAppExtension<>(app, ResourceHelpers.resourceFilePath("probe.yml"),
                ConfigOverride.config("engines.default.url", POSTGRES::url),
                ConfigOverride.config("logging.level", "INFO"));
    }

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void requestsAtInfoLogNoSessionMetricsAndTheMetricsStillCount() {
        assertThat(((Logger) LoggerFactory.getLogger("org.hibernate.engine.internal.StatisticalLoggingSessionEventListener"))
                .getEffectiveLevel().isGreaterOrEqual(Level.INFO)).as("Hibernate would log the block at INFO").isTrue();
        String sessionsOpened = "hibernate-lite.default.hibernate.sessionsOpened";
        long before = (Long) APP.getEnvironment().metrics().getGauges().get(sessionsOpened).getValue();
        try (LogCapture logs = new LogCapture()) {
            String id = http().post("/notes/committed?text=" + encode(unique("quiet"))).body().replaceAll("\\D+", "");
            assertThat(http().get("/notes/" + id).statusCode()).isEqualTo(200);
            assertThat(logs.text()).doesNotContain("Session Metrics").doesNotContain("StatisticalLogging");
        }
        long after = (Long) APP.getEnvironment().metrics().getGauges().get(sessionsOpened).getValue();
        assertThat(after - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void creatingTablesLogsNoHibernateNoticeAboutAutoCommit() {
        try (LogCapture logs = new LogCapture()) {
            probe().db().engines().get("default").createAll();
            assertThat(logs.text()).doesNotContain("HHH10001501").doesNotContain("WARN org.hibernate");
        }
    }

    @Test
    void aRequestThatLeavesAChangeUncommittedLogsOneWarningNamingItsRouteAndEntity() {
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                assertThat(http().post("/notes/uncommitted?text=" + encode(unique("forgot"))).statusCode())
                        .isEqualTo(200);
            }
            // the context ends after the response is written: wait until every request's has
            pool().awaitIdle(0);
            String text = logs.text();
            System.out.println("SCENARIO uncommitted request x3 logged: " + text.lines()
                    .filter(line -> line.contains("HL230")).findFirst().orElse("nothing"));
            assertThat(text.lines().filter(line -> line.contains("HL230"))).hasSize(1);
            assertThat(text).contains("WARN", "POST /notes/uncommitted (ProbeResource.createWithoutCommit)",
                    "changes to Note on engine 'default'");
        }
    }

    @Test
    void aRequestThatCommitsOrOnlyReadsLogsNoWarning() {
        try (LogCapture logs = new LogCapture()) {
            String id = http().post("/notes/committed?text=" + encode(unique("kept"))).body().replaceAll("\\D+", "");
            assertThat(http().get("/notes/" + id).statusCode()).isEqualTo(200);
            pool().awaitIdle(0);
            assertThat(logs.text()).doesNotContain("HL230");
        }
    }

    @Test
    void anApplicationBuiltWithoutTheWarningLogsNothingForUncommittedChanges() {
        try (LogCapture logs = new LogCapture()) {
            assertThat(new Http(SILENT.getLocalPort()).post("/notes/uncommitted?text=" + encode(unique("quiet")))
                    .statusCode()).isEqualTo(200);
            new Pools(SILENT.getEnvironment().metrics(), "default", ((ProbeApp) SILENT.getApplication()).db().sessionFactory())
                    .awaitIdle(0);
            assertThat(logs.text()).doesNotContain("HL230");
        }
    }
}
