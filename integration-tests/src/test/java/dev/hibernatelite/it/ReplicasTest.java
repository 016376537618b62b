package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.Scenario;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.PrivatePostgres;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only sessions on a real streaming replica: a private primary and a hot standby that
 * replays it, shared by the tests (each leaves the replica serving). Which server answered is
 * what PostgreSQL says ({@code pg_is_in_recovery()}).
 */
@ExtendWith(Scenario.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private PrivatePostgres primary;
    private PrivatePostgres standby;
    private DropwizardTestSupport<ProbeConfig> app;

    @BeforeAll
    void startPrimaryStandbyAndApplication() throws Exception {
        primary = PrivatePostgres.create();
        primary.start();
        standby = primary.createStandby();
        standby.start();
        Path config = dir.resolve("replicas.yml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  applicationConnectors: [{type: http, port: 0}]",
                "  adminConnectors: [{type: http, port: 0}]",
                "  requestLog: {appenders: []}",
                "logging:",
                "  level: WARN",
                "  appenders: [{type: console, threshold: ERROR}]",
                "createTables: true",
                "engines:",
                "  default:",
                "    url: \"" + primary.url() + "\"",
                "    replicas: [\"" + standby.url() + "\"]",
                // generous: on a loaded 2-core machine a standby can briefly trail by a few hundred ms
                "    maxReplicaLag: 3s",
                "    maxSize: 4",
                ""));
        app = new DropwizardTestSupport<>(ProbeApp.class, config.toString());
        app.before();
    }

    @BeforeEach
    void theReplicaServesReads() {
        Eventually.await("the replica to serve reads", Duration.ofSeconds(30), () -> server().get("inRecovery")
                .asBoolean(), () -> health().toString());
    }

    @AfterAll
    void stopEverything() {
        try {
            if (app != null) {
                app.after();
            }
        } finally {
            try {
                standby.close();
            } finally {
                primary.close();
            }
        }
    }

    private Http http() {
        return new Http(app.getLocalPort());
    }

    private JsonNode server() {
        return json(http().get("/read-only/server").body());
    }

    private JsonNode health() {
        return json(new Http(app.getAdminPort()).get("/healthcheck").body()).get("hibernate-lite.default");
    }

    private static JsonNode ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readOnlyRequestsAreAnsweredByTheReplicaAndSeeWhatThePrimaryCommitted() {
        String text = unique("replicated");
        assertThat(http().post("/notes/committed?text=" + encode(text)).statusCode()).isEqualTo(200);

        assertThat(server().get("inRecovery").asBoolean()).isTrue();
        Eventually.await("the replica to replay the note", Duration.ofSeconds(10),
                () -> http().get("/read-only/notes").body().contains(text), () -> "not yet");
    }

    @Test
    void afterACommitTheSameRequestReadsFromThePrimary() {
        JsonNode committed = ok(http().post("/notes/write-then-read-only?commit=true&text="
                + encode(unique("mine"))));
        assertThat(committed.get("inRecovery").asBoolean()).as("read your writes: the primary").isFalse();
        assertThat(committed.get("seen").asLong()).isEqualTo(1);

        JsonNode uncommitted = ok(http().post("/notes/write-then-read-only?commit=false&text="
                + encode(unique("not-yet"))));
        assertThat(uncommitted.get("inRecovery").asBoolean()).as("nothing committed: a replica").isTrue();
        assertThat(uncommitted.get("seen").asLong()).isZero();
    }

    @Test
    void theHealthCheckListsTheReplicaAndItsLag() {
        JsonNode replica = health().get("replicas").get("replica-1");
        assertThat(replica.get("servesReads").asBoolean()).isTrue();
        assertThat(replica.get("lagMillis").asLong()).isBetween(0L, 3_000L);
        assertThat(health().get("message").asText()).contains("1 of 1 replicas serve reads");
    }

    @Test
    void aReplicaStoppedUnderLoadLosesNoReadAndReadsReturnToItWhenItIsBack() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> loops = new java.util.ArrayList<>();
            for (int c = 0; c < 6; c++) {
                loops.add(clients.submit(() -> {
                    Http http = http();
                    while (running.get()) {
                        int status = http.get("/read-only/notes").statusCode();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            Eventually.await("some reads on the replica", Duration.ofSeconds(20),
                    () -> statuses.getOrDefault(200, new AtomicInteger()).get() > 50, statuses::toString);
            standby.stop();
            int before = statuses.get(200).get();
            Eventually.await("reads to go on without the replica", Duration.ofSeconds(30),
                    () -> statuses.get(200).get() > before + 100, statuses::toString);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
        }
        assertThat(statuses.keySet()).as("every read answered 200: %s", statuses).containsOnly(200);
        assertThat(server().get("inRecovery").asBoolean()).as("the primary answers").isFalse();
        assertThat(health().get("message").asText()).contains("no replica can serve reads");

        standby.start();
        Eventually.await("reads to return to the replica", Duration.ofSeconds(30),
                () -> server().get("inRecovery").asBoolean(), () -> health().toString());
        System.out.println("SCENARIO ReplicasTest / replica stopped under 6 clients: " + statuses
                + ", every read 200; reads back on the replica after its restart");
    }

    @Test
    void aReplicaFurtherBehindThanMaxReplicaLagIsSkippedUntilItCatchesUp() throws Exception {
        try (Connection replica = DriverManager.getConnection(standby.url()); Statement st = replica.createStatement()) {
            st.execute("SELECT pg_wal_replay_pause()");
            String text = unique("behind");
            assertThat(http().post("/notes/committed?text=" + encode(text)).statusCode()).isEqualTo(200);
            Eventually.await("reads to move to the primary while the replica lags", Duration.ofSeconds(20),
                    () -> !server().get("inRecovery").asBoolean(), () -> health().toString());
            assertThat(http().get("/read-only/notes").body()).contains(text);
            assertThat(health().get("replicas").get("replica-1").get("state").asText()).contains("lagging");

            st.execute("SELECT pg_wal_replay_resume()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Eventually.await("reads to return to the replica once it caught up", Duration.ofSeconds(20),
                () -> server().get("inRecovery").asBoolean(), () -> health().toString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
