package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.it.support.Scenario;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults against a PostgreSQL cluster of the test's own, stopped and started under the running
 * application: down at startup, restarting under load, a pool run dry. Pool of 3, wait bound 1s.
 */
@ExtendWith(Scenario.class)
class FaultScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT_BOUND = Duration.ofSeconds(1);

    private PrivatePostgres postgres;
    private DropwizardTestSupport<ProbeConfig> app;

    @BeforeEach
    void newCluster() {
        postgres = PrivatePostgres.create();
    }

    @AfterEach
    void stopEverything() {
        try {
            if (app != null) {
                app.after();
            }
        } finally {
            postgres.close();
        }
    }

    private void startApp() throws Exception {
        app = new DropwizardTestSupport<>(ProbeApp.class, ResourceHelpers.resourceFilePath("faults.yml"),
                ConfigOverride.config("engines.default.url", postgres.url()));
        app.before();
    }

    private Http http() {
        return new Http(app.getLocalPort());
    }

    private Pools pool() {
        ProbeApp probe = app.getApplication();
        return new Pools(app.getEnvironment().metrics(), "default", probe.db().sessionFactory());
    }

    private JsonNode health() {
        try {
            return JSON.readTree(new Http(app.getAdminPort()).get("/healthcheck").body()).get("hibernate-lite.default");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long notes(String text) {
        ProbeApp probe = app.getApplication();
        try (Session s = probe.db().sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(n) from Note n where n.text = :t", Long.class)
                    .setParameter("t", text).getSingleResult();
        }
    }

    @Test
    void theDatabaseIsDownWhenTheApplicationStarts() throws Exception {
        startApp();

        JsonNode check = health();
        assertThat(check.get("healthy").asBoolean()).isFalse();
        assertThat(check.get("message").asText()).containsIgnoringCase("refused");

        long start = System.nanoTime();
        HttpResponse<String> response = http().get("/notes");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asInt()).isEqualTo(503);
        assertThat(error.get("message").asText()).contains("engine 'default'").contains("unavailable");
        assertThat(took).as("fails within the wait bound, not later").isLessThan(WAIT_BOUND.plusSeconds(3));

        postgres.start();
        Eventually.await("the health check to see the database", Duration.ofSeconds(20),
                () -> health().get("healthy").asBoolean(), () -> health().toString());
        app.<ProbeApp>getApplication().db().engine().createAll();
        assertThat(http().post("/notes/committed?text=" + encode("after-recovery")).statusCode()).isEqualTo(200);
        assertThat(http().get("/notes").body()).contains("after-recovery");
        pool().awaitIdle();
    }

    @Test
    void theDatabaseRestartsUnderLoad() throws Exception {
        postgres.start();
        startApp();
        app.<ProbeApp>getApplication().db().engine().createAll();

        Http http = http();
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        List<Integer> other = Collections.synchronizedList(new ArrayList<>());
        List<Duration> durations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 12; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    for (int r = 0; r < 40; r++) {
                        String text = "load-" + client + "-" + r;
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.post("/notes/committed?text=" + encode(text));
                        durations.add(Duration.ofNanos(System.nanoTime() - start));
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            committed.add(text);
                        } else if (response.statusCode() == 503) {
                            unavailable.incrementAndGet();
                        } else {
                            other.add(response.statusCode());
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            Eventually.await("a fifth of the requests to be done", Duration.ofSeconds(60), () -> done.get() >= 96,
                    () -> done.get() + " done");
            postgres.stop();
            int failedBefore = unavailable.get();
            Eventually.await("requests to fail while the database is down", Duration.ofSeconds(30),
                    () -> unavailable.get() > failedBefore + 3, () -> unavailable.get() + " unavailable");
            postgres.start();
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        int okBeforeEnd = ok.get();
        assertThat(other).as("every failure is a clean 503").isEmpty();
        assertThat(unavailable.get()).isPositive();
        assertThat(durations).as("no request waits much past the pool's bound")
                .allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(6)));
        // requests answered 503 at once while the engine was down may all end before the probe sees
        // the database again (it looks every 250 ms): a later request succeeds once it has
        Eventually.await("a request to succeed after the restart", Duration.ofSeconds(10),
                () -> http.post("/notes/committed?text=" + encode("after-restart")).statusCode() == 200,
                () -> "still refused");
        assertThat(notes("after-restart")).as("the request that succeeded committed once").isEqualTo(1);
        for (String text : committed) {
            assertThat(notes(text)).as("committed row %s", text).isEqualTo(1);
        }
        assertThat(okBeforeEnd).isPositive();
        pool().awaitIdle();
    }

    @Test
    void thePoolRunsDry() throws Exception {
        postgres.start();
        startApp();
        app.<ProbeApp>getApplication().db().engine().createAll();
        ProbeApp probe = app.getApplication();
        probe.slow().hold();
        List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                holding.add(http().getAsync("/slow?text=" + encode("holder-" + i), Duration.ofSeconds(30)));
            }
            assertThat(probe.slow().awaitArrivals(3, 10)).as("three requests hold the three connections").isTrue();

            CompletableFuture<HttpResponse<String>> fourth = http().getAsync("/notes", Duration.ofSeconds(30));
            Eventually.await("the fourth request to wait for a connection", Duration.ofSeconds(5),
                    () -> pool().pending() > 0 || fourth.isDone(), () -> "pending=" + pool().pending());
            long start = System.nanoTime();
            HttpResponse<String> response = fourth.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT_BOUND.plusSeconds(2));
            assertThat(app.getEnvironment().metrics().getMeters()
                    .get("hibernate-lite.default.pool.ConnectionTimeoutRate").getCount()).isPositive();
        } finally {
            probe.slow().release();
        }
        for (CompletableFuture<HttpResponse<String>> held : holding) {
            assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        pool().awaitIdle();
    }
}
