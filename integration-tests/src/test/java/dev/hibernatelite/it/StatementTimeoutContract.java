package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.testfixtures.Http;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine's {@code statementTimeout} (1s here) on a real database: a statement that sleeps, and
 * one that waits for a row another connection holds locked, are cancelled by the database; the
 * request answers 504 and its connection goes back to the pool.
 */
abstract class StatementTimeoutContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(6);

    abstract DropwizardAppExtension<ProbeConfig> app();

    abstract String databaseUrl();

    abstract String sleepFunction();

    private Http http() {
        return new Http(app().getLocalPort());
    }

    private Pools pool() {
        ProbeApp probe = app().getApplication();
        return new Pools(app().getEnvironment().metrics(), "default", probe.db().sessionFactory());
    }

    @Test
    void aStatementThatSleepsPastTheTimeoutAnswers504AndReturnsItsConnection() throws Exception {
        try (LogCapture log = new LogCapture()) {
            long start = System.nanoTime();
            HttpResponse<String> response = http().get("/sleep?seconds=30&function=" + sleepFunction());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("SCENARIO statement timeout (%s, sleep 30 s, statementTimeout 1 s): %d after %d ms%n",
                    sleepFunction(), response.statusCode(), took.toMillis());
            assertThat(response.statusCode()).isEqualTo(504);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("message").asText()).contains("engine 'default'").contains("did not answer in time");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(MARGIN);
            assertThat(log.text()).contains("HL409").doesNotContain("\tat ");
        }
        pool().awaitIdle();
    }

    @Test
    void aStatementWaitingForARowAnotherConnectionLockedAnswers504AndTheRowIsUsableAfterwards() throws Exception {
        long id = JSON.readTree(http().post("/notes/committed?text=" + encode("locked")).body()).get("id").asLong();
        HttpResponse<String> response;
        Duration took;
        try (Connection holder = DriverManager.getConnection(databaseUrl())) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("UPDATE notes SET text = 'held' WHERE id = ?")) {
                lock.setLong(1, id);
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }
            long start = System.nanoTime();
            response = http().post("/notes/" + id + "/rename?to=" + encode("renamed"));
            took = Duration.ofNanos(System.nanoTime() - start);
            holder.rollback();
        }
        System.out.printf("SCENARIO statement timeout (%s, row locked by another connection): %d after %d ms%n",
                sleepFunction(), response.statusCode(), took.toMillis());
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(took).isLessThan(MARGIN);
        pool().awaitIdle();
        assertThat(http().post("/notes/" + id + "/rename?to=" + encode("renamed")).statusCode()).isEqualTo(200);
    }
}
