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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Async sessions (Hibernate Reactive) over HTTP on a real database, which subclasses choose.
 * After each test no async session stays open: Hibernate's own counts of opened and closed
 * sessions agree.
 */
abstract class ReactiveContract {
    static final ObjectMapper JSON = new ObjectMapper();

    static DropwizardAppExtension<ProbeConfig> reactiveApp(TestDatabase database) {
        return new DropwizardAppExtension<>(ProbeApp.class, ResourceHelpers.resourceFilePath("reactive.yml"),
                ConfigOverride.config("engines.default.url", database::url),
                ConfigOverride.config("asyncEngines.default.url", database::url));
    }

    abstract DropwizardAppExtension<ProbeConfig> app();

    /** @return the connections the database server counts to the test database */
    abstract int serverConnections();

    Http http() {
        return new Http(app().getLocalPort());
    }

    long count(String text) {
        return Long.parseLong(http().get("/reactive/notes/count?text=" + encode(text)).body().trim());
    }

    long gauge(String name) {
        Object value = app().getEnvironment().metrics().getGauges().get(name).getValue();
        return ((Number) value).longValue();
    }

    @AfterEach
    void everyAsyncSessionIsClosed() {
        Eventually.await("every async session closed", Duration.ofSeconds(10),
                () -> gauge("hibernate-lite.async.default.hibernate.sessionsOpened")
                        == gauge("hibernate-lite.async.default.hibernate.sessionsClosed"),
                () -> "opened=" + gauge("hibernate-lite.async.default.hibernate.sessionsOpened")
                        + ", closed=" + gauge("hibernate-lite.async.default.hibernate.sessionsClosed"));
    }

    @Test
    void aNoteWrittenInAnAsyncTransactionCanBeReadBack() {
        String text = "reactive-" + System.nanoTime();
        HttpResponse<String> created = http().post("/reactive/notes?text=" + encode(text));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll("\\D+", "");
        assertThat(http().get("/reactive/notes/" + id).body()).contains(text);
        assertThat(count(text)).isEqualTo(1);
    }

    @Test
    void aMissingRowIsA404() {
        assertThat(http().get("/reactive/notes/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestThatFailsMidwayRollsBackItsTransaction() {
        String text = "midway-" + System.nanoTime();
        assertThat(http().post("/reactive/notes/fail-midway?text=" + encode(text)).statusCode()).isEqualTo(409);
        assertThat(count(text)).isZero();
    }

    @Test
    void concurrentTasksEachGetTheirOwnSession() throws Exception {
        JsonNode both = JSON.readTree(http().get("/reactive/notes/concurrent").body());
        assertThat(both.get("first").asLong()).isEqualTo(both.get("second").asLong());
    }

    @Test
    void theAsyncEngineHasAHealthCheckThatReachesTheDatabase() throws Exception {
        JsonNode check = JSON.readTree(new Http(app().getAdminPort()).get("/healthcheck").body())
                .get("hibernate-lite.async.default");
        assertThat(check.get("healthy").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("message").asText()).startsWith("answered in");
        assertThat(check.get("maxSize").asInt()).isEqualTo(5);
    }

    @Test
    void twoHundredConcurrentRequestsOnAPoolOfFiveAllSucceedAndLeaveNothingOpen() throws Exception {
        Http http = http();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int request = i;
                done.add(clients.submit(() -> {
                    String text = "crowd-" + request + "-" + System.nanoTime();
                    HttpResponse<String> response = request % 2 == 0
                            ? http.post("/reactive/notes?text=" + encode(text))
                            : http.get("/reactive/notes/count?text=" + encode(text));
                    statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses.keySet()).containsOnly(200, 201);
        assertThat(statuses.get(201).get()).isEqualTo(100);
        assertThat(serverConnections()).as("connections the async pool (5) and the sync pool (2) may hold")
                .isLessThanOrEqualTo(7);
    }

    @Test
    void theSessionsQueriesWorkWhenTheChainResumesOnAnotherThread() {
        String text = "elsewhere-" + System.nanoTime();
        assertThat(http().post("/reactive/notes?text=" + encode(text)).statusCode()).isEqualTo(201);
        assertThat(http().get("/reactive/notes/count-elsewhere?text=" + encode(text)).body().trim()).isEqualTo("1");
    }

    @Test
    void twoOperationsAtOnceOnOneSessionFailWithAMessageSayingWhatToDoInstead() {
        assertThat(http().post("/reactive/notes?text=" + encode("crowd-" + System.nanoTime())).statusCode())
                .isEqualTo(201);
        assertThat(http().get("/reactive/misuse/concurrent").body()).contains("HL208").contains("withSession");
    }

    @Test
    void asyncResponseCompletesOffTheEventLoop() {
        assertThat(http().get("/reactive/response-thread").body()).doesNotContain("eventloop").isNotBlank();
    }

    @Test
    void theRequestsAsyncSessionCanBeReachedFromAnotherThreadThroughItsContext() {
        String text = "via-context-" + System.nanoTime();
        String id = http().post("/reactive/notes?text=" + encode(text)).body().replaceAll("\\D+", "");
        assertThat(http().get("/reactive/notes/" + id + "/via-context").body()).contains(text);
    }
}
