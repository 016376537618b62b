package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.Scenario;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.PrivatePostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An async engine (Hibernate Reactive) whose database is down: the application starts anyway
 * (the dialect from the URL), its requests answer the same 503 as a sync engine's, and it serves
 * again when the database does, without a restart.
 */
@ExtendWith(Scenario.class)
class AsyncOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private HttpResponse<String> count() {
        return new Http(app.getLocalPort()).get("/reactive/notes/count?text=x");
    }

    private void createTable() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS notes (id BIGSERIAL PRIMARY KEY, text VARCHAR(200) NOT NULL UNIQUE)");
        }
    }

    @Test
    void anAsyncEngineStartsWithItsDatabaseDownAnswers503AndServesWhenTheDatabaseStarts() throws Exception {
        app = new DropwizardTestSupport<>(ProbeApp.class, ResourceHelpers.resourceFilePath("async-outage.yml"),
                ConfigOverride.config("asyncEngines.default.url", postgres.url()));
        app.before();

        long start = System.nanoTime();
        HttpResponse<String> down = count();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("SCENARIO async engine, database down at startup: %d after %d ms%n", down.statusCode(), millis);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(down.body()).get("message").asText()).contains("unavailable");

        postgres.start();
        createTable();
        Eventually.await("the async engine to serve", Duration.ofSeconds(30), () -> count().statusCode() == 200,
                () -> count().body());
    }

    @Test
    void anAsyncEngineWhoseDatabaseStopsAnswers503AndServesAgainAfterTheRestart() throws Exception {
        postgres.start();
        createTable();
        app = new DropwizardTestSupport<>(ProbeApp.class, ResourceHelpers.resourceFilePath("async-outage.yml"),
                ConfigOverride.config("asyncEngines.default.url", postgres.url()));
        app.before();
        assertThat(count().statusCode()).isEqualTo(200);

        postgres.stop();
        HttpResponse<String> down = count();
        System.out.printf("SCENARIO async engine, database stopped: %d%n", down.statusCode());
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode error = JSON.readTree(down.body());
        assertThat(error.get("code").asInt()).isEqualTo(503);

        postgres.start();
        Eventually.await("the async engine to serve again", Duration.ofSeconds(30), () -> count().statusCode() == 200,
                () -> count().body());
    }
}
