package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.hibernate.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One health check and one set of metrics per engine, on the admin port: an application whose
 * default engine is a real PostgreSQL and whose second engine's database is really down
 * (nothing listens on its port). The application starts anyway.
 */
class HealthAndMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("health.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    private static Http admin() {
        return new Http(APP.getAdminPort());
    }

    private static JsonNode healthChecks() throws Exception {
        return JSON.readTree(admin().get("/healthcheck").body());
    }

    @Test
    void anEngineWhoseDatabaseAnswersIsHealthyAndSaysWhichDatabase() throws Exception {
        JsonNode check = healthChecks().get("hibernate-lite.default");
        assertThat(check.get("healthy").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("message").asText()).startsWith(serverSaysItIs() + " answered in ");
        assertThat(check.get("engine").asText()).isEqualTo("default");
    }

    /** @return what the test's PostgreSQL says it is, e.g. {@code PostgreSQL 15.14}, whichever server runs the tests */
    private static String serverSaysItIs() throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES.url())) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
        }
    }

    @Test
    void anEngineWhoseDatabaseIsDownIsUnhealthyWithTheDatabasesOwnErrorAndNoPassword() throws Exception {
        HttpResponse<String> response = admin().get("/healthcheck");
        JsonNode check = JSON.readTree(response.body()).get("hibernate-lite.down");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(check.get("healthy").asBoolean()).isFalse();
        assertThat(check.get("message").asText()).containsIgnoringCase("refused");
        assertThat(check.get("url").asText()).contains("password=****");
        assertThat(response.body()).doesNotContain("pw-7f3a9-secret");
    }

    @Test
    void theCheckAnswersWithinItsBoundWhenThePoolIsExhausted() throws Exception {
        List<Session> holders = new ArrayList<>();
        try {
            holdEveryConnection(holders);
            long start = System.nanoTime();
            JsonNode check = healthChecks().get("hibernate-lite.default");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(check.get("healthy").asBoolean()).isFalse();
            assertThat(check.get("message").asText()).contains("no answer within 1000 ms");
            assertThat(check.get("activeConnections").asInt()).isEqualTo(2);
            assertThat(took).as("bounded by validationQueryTimeout (1s), not maxWaitForConnection (5s)")
                    .isLessThan(Duration.ofSeconds(4));
        } finally {
            holders.forEach(Session::close);
        }
        assertThat(healthChecks().get("hibernate-lite.default").get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aSessionWaitingForAConnectionIsCountedByItsGaugeAndByTheHealthCheck() throws Exception {
        List<Session> holders = new ArrayList<>();
        CompletableFuture<Integer> third;
        try {
            holdEveryConnection(holders);
            third = CompletableFuture.supplyAsync(() -> {
                try (Session session = APP.<ProbeApp>getApplication().db().sessionFactory().openSession()) {
                    return session.createNativeQuery("SELECT 3", Integer.class).getSingleResult();
                }
            });
            Eventually.await("the third session to wait", Duration.ofSeconds(5),
                    () -> waitingSessions() == 1, () -> "WaitingSessions " + waitingSessions());

            assertThat(healthChecks().get("hibernate-lite.default").get("waitingThreads").asInt()).isPositive();
        } finally {
            holders.forEach(Session::close);
        }
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(waitingSessions()).isZero();
    }

    /** Opens sessions that hold both of the default engine's connections (maxSize 2), into {@code holders}. */
    private static void holdEveryConnection(List<Session> holders) {
        for (int i = 0; i < 2; i++) {
            Session held = APP.<ProbeApp>getApplication().db().sessionFactory().openSession();
            holders.add(held);
            held.beginTransaction();
            held.createNativeQuery("SELECT 1", Integer.class).getSingleResult();
        }
    }

    private static int waitingSessions() {
        return (Integer) APP.getEnvironment().metrics().getGauges()
                .get("hibernate-lite.default.pool.WaitingSessions").getValue();
    }

    @Test
    void poolAndHibernateMetricsOfEachEngineAreOnTheMetricsEndpoint() throws Exception {
        JsonNode gauges = JSON.readTree(admin().get("/metrics").body()).get("gauges");
        assertThat(gauges.has("hibernate-lite.default.pool.ActiveConnections")).isTrue();
        assertThat(gauges.has("hibernate-lite.down.pool.PendingConnections")).isTrue();
        assertThat(gauges.has("hibernate-lite.default.pool.WaitingSessions")).isTrue();
        assertThat(gauges.has("hibernate-lite.default.read.pool.WaitingSessions")).isTrue();
        assertThat(gauges.has("hibernate-lite.default.hibernate.queries")).isTrue();
        assertThat(JSON.readTree(admin().get("/metrics").body()).get("timers")
                .has("hibernate-lite.default.pool.Wait")).isTrue();
    }

    @Test
    void hibernateMetricsCountWhatRequestsDo() throws Exception {
        long inserts = gauge("hibernate-lite.default.hibernate.entityInserts");
        long transactions = gauge("hibernate-lite.default.hibernate.successfulTransactions");
        String text = "metered-" + System.nanoTime();
        assertThat(new Http(APP.getLocalPort()).post("/notes/committed?text=" + encode(text)).statusCode())
                .isEqualTo(200);
        assertThat(gauge("hibernate-lite.default.hibernate.entityInserts")).isEqualTo(inserts + 1);
        assertThat(gauge("hibernate-lite.default.hibernate.successfulTransactions")).isGreaterThan(transactions);
    }

    private static long gauge(String name) throws Exception {
        return JSON.readTree(admin().get("/metrics").body()).get("gauges").get(name).get("value").asLong();
    }

    @Test
    void noMetricNameOrValueCarriesAPassword() {
        assertThat(admin().get("/metrics").body()).contains("hibernate-lite.down").doesNotContain("pw-7f3a9-secret");
    }
}
