package dev.hibernatelite.it;

import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.it.support.Scenario;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.PrivatePostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's scenario on a PostgreSQL of the test's own, with the engine's defaults as shipped:
 * the database stops under concurrent clients writing through the real application, stays down
 * for a few seconds, and starts again. Requests that need it answer 503 at once, the admin port and
 * a route without a database stay fast, the outage writes a handful of log lines, the first 2xx
 * follows the restart closely, and no committed row is lost. The figures are printed as
 * {@code SCENARIO} lines; the assertions keep margins a loaded 2-core machine cannot break (the
 * figures themselves are measured by the bench, see docs/operations.md).
 */
@ExtendWith(Scenario.class)
class OutageScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 48;

    private PrivatePostgres postgres;
    private DropwizardTestSupport<ProbeConfig> app;

    @BeforeEach
    void startDatabaseAndApp() throws Exception {
        postgres = PrivatePostgres.create();
        postgres.start();
        app = new DropwizardTestSupport<>(ProbeApp.class, ResourceHelpers.resourceFilePath("outage.yml"),
                ConfigOverride.config("engines.default.url", postgres.url()));
        app.before();
        app.<ProbeApp>getApplication().db().engine().createAll();
    }

    @AfterEach
    void stopEverything() {
        try {
            app.after();
        } finally {
            postgres.close();
        }
    }

    /** One request's outcome: when it started and ended (nanoTime), and its status. */
    private record Outcome(long start, long end, int status) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503AtOnceTheLogStaysShortAndNothingCommittedIsLost() throws Exception {
        Http http = new Http(app.getLocalPort());
        Http admin = new Http(app.getAdminPort());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Outcome> writes = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> plain = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> health = Collections.synchronizedList(new ArrayList<>());
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sequence = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 2);
        List<Future<?>> futures = new ArrayList<>();
        long stoppedAt;
        long restartedAt;
        String downHealth;
        long gaugeWhileDown;
        String outageLog;
        try (LogCapture log = new LogCapture()) {
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(clients.submit(() -> {
                    while (running.get()) {
                        String text = "outage-" + sequence.incrementAndGet();
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.post("/notes/committed?text=" + encode(text));
                        writes.add(new Outcome(start, System.nanoTime(), response.statusCode()));
                        if (response.statusCode() == 200) {
                            committed.add(text);
                        }
                    }
                    return null;
                }));
            }
            futures.add(clients.submit(() -> loop(running, plain, () -> http.get("/plain"))));
            futures.add(clients.submit(() -> loop(running, health, () -> admin.get("/healthcheck"))));
            Eventually.await("the clients to commit", Duration.ofSeconds(30), () -> committed.size() >= 200,
                    () -> committed.size() + " committed");

            stoppedAt = System.nanoTime();
            postgres.stop();
            Eventually.await("the engine to be known down", Duration.ofSeconds(10), () -> gauge() == 0,
                    () -> "gauge " + gauge());
            // the outage lasts until enough was measured after its first second, not for a set time
            long measuredFrom = stoppedAt + TimeUnit.SECONDS.toNanos(1);
            Eventually.await("refusals and answers to measure after the outage's first second", Duration.ofSeconds(60),
                    () -> startedAfter(writes, measuredFrom, status -> status == 503) >= 5 * CLIENTS
                            && startedAfter(plain, measuredFrom, status -> true) >= 20
                            && startedAfter(health, measuredFrom, status -> true) >= 20,
                    () -> startedAfter(writes, measuredFrom, status -> status == 503) + " refusals, "
                            + plain.size() + " /plain, " + health.size() + " /healthcheck");
            gaugeWhileDown = gauge();
            downHealth = JSON.readTree(admin.get("/healthcheck").body()).get("hibernate-lite.default")
                    .get("message").asText();
            postgres.start();
            restartedAt = System.nanoTime();
            Eventually.await("a request to succeed after the restart", Duration.ofSeconds(30),
                    () -> firstOkAfter(writes, restartedAt) > 0, () -> writes.size() + " requests");
            Eventually.await("the back line", Duration.ofSeconds(10), () -> log.text().contains("HL407"), log::text);
            outageLog = log.text();
            running.set(false);
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
        }

        long graceEnd = stoppedAt + TimeUnit.SECONDS.toNanos(1);
        List<Outcome> during = writes.stream().filter(o -> o.start() > graceEnd && o.end() < restartedAt).toList();
        List<Long> refusedMillis = during.stream().filter(o -> o.status() == 503).map(Outcome::millis).sorted().toList();
        List<Long> plainMillis = within(plain, stoppedAt, restartedAt);
        List<Long> healthMillis = within(health, stoppedAt, restartedAt);
        long firstOkMillis = TimeUnit.NANOSECONDS.toMillis(firstOkAfter(writes, restartedAt) - restartedAt);
        // every line the application wrote (the test's own PostgreSQL server logs through zonky: not counted)
        List<String> lines = outageLog.lines().filter(l -> l.matches("^(TRACE|DEBUG|INFO|WARN|ERROR) .*"))
                .filter(l -> !l.contains(" io.zonky.")).toList();
        long rows = countRows();

        System.out.printf("SCENARIO outage: %d clients, database down %d ms; 503s after the first second: %d,"
                        + " p50 %d ms, p99 %d ms, max %d ms%n", CLIENTS,
                TimeUnit.NANOSECONDS.toMillis(restartedAt - stoppedAt), refusedMillis.size(),
                percentile(refusedMillis, 50), percentile(refusedMillis, 99), percentile(refusedMillis, 100));
        System.out.printf("SCENARIO outage: /plain p99 %d ms (%d requests), admin /healthcheck p99 %d ms (%d)%n",
                percentile(plainMillis, 99), plainMillis.size(), percentile(healthMillis, 99), healthMillis.size());
        System.out.printf("SCENARIO outage: %d log lines for the whole outage; first 2xx %d ms after the database"
                + " answered; %d rows committed with a 200, %d rows in the table%n", lines.size(), firstOkMillis,
                committed.size(), rows);
        lines.forEach(l -> System.out.println("SCENARIO outage log: " + l));

        assertThat(writes).as("every request answers 200 or 503")
                .allSatisfy(o -> assertThat(o.status()).isIn(200, 503));
        assertThat(refusedMillis).as("requests refused while the database is down").hasSizeGreaterThan(CLIENTS);
        assertThat(percentile(refusedMillis, 99)).as("p99 of the 503s after the first second, ms").isLessThan(1_000);
        assertThat(percentile(plainMillis, 99)).as("p99 of a route without a database, ms").isLessThan(1_000);
        assertThat(percentile(healthMillis, 99)).as("p99 of the admin health check, ms").isLessThan(1_000);
        assertThat(lines).as("log lines of the whole outage").hasSizeLessThanOrEqualTo(20);
        assertThat(outageLog).contains("HL405").contains("HL407").doesNotContain("SqlExceptionHelper")
                .doesNotContain("com.zaxxer.hikari").doesNotContain("\tat ");
        assertThat(firstOkMillis).as("first 2xx after the database answers, ms").isLessThan(5_000);
        assertThat(gaugeWhileDown).isZero();
        assertThat(gauge()).isEqualTo(1);
        assertThat(downHealth).startsWith("down for ").contains("requests answered 503");
        assertThat(committed).as("every row committed with a 200 is in the table")
                .allSatisfy(text -> assertThat(rowsWith(text)).as(text).isEqualTo(1));
        assertThat(rows).isGreaterThanOrEqualTo(committed.size());
        new Pools(app.getEnvironment().metrics(), "default", app.<ProbeApp>getApplication().db().sessionFactory())
                .awaitIdle();
        assertThat(serverConnections()).as("connections the server holds").isLessThanOrEqualTo(10);
    }

    private long gauge() {
        Gauge<?> gauge = app.getEnvironment().metrics().getGauges().get("hibernate-lite.default.available");
        return ((Number) gauge.getValue()).longValue();
    }

    private static Void loop(AtomicBoolean running, List<Outcome> into, java.util.function.Supplier<HttpResponse<String>> call) {
        while (running.get()) {
            long start = System.nanoTime();
            int status = call.get().statusCode();
            into.add(new Outcome(start, System.nanoTime(), status));
        }
        return null;
    }

    private static long firstOkAfter(List<Outcome> outcomes, long after) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status() == 200 && o.start() >= after).mapToLong(Outcome::end)
                    .min().orElse(0);
        }
    }

    private static long startedAfter(List<Outcome> outcomes, long from, java.util.function.IntPredicate status) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.start() > from && status.test(o.status())).count();
        }
    }

    private static List<Long> within(List<Outcome> outcomes, long from, long to) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.start() > from && o.end() < to).map(Outcome::millis).sorted()
                    .toList();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private long countRows() {
        try (Session s = app.<ProbeApp>getApplication().db().sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(n) from Note n where n.text like 'outage-%'", Long.class)
                    .getSingleResult();
        }
    }

    private long rowsWith(String text) {
        try (Session s = app.<ProbeApp>getApplication().db().sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(n) from Note n where n.text = :t", Long.class)
                    .setParameter("t", text).getSingleResult();
        }
    }

    private long serverConnections() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
