package dev.hibernatelite.it.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.it.support.Pools;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of value or row the database refuses, over HTTP, through columns narrower than their
 * Java types and no Bean Validation: 422 naming the property for a value, 409 naming the
 * constraint for a row; the connection goes back to the pool, and nothing is logged at ERROR.
 * Subclasses run it on a database.
 */
abstract class RefusalsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(100);

    abstract DropwizardAppExtension<ProbeConfig> app();

    /** A 422 naming {@code Measurement.<property>}, or a 409 naming a constraint when {@code property} is null. */
    record Expected(int status, String property) {
    }

    JsonNode refused(String method, String path, String body, Expected expected) throws Exception {
        RefusalApp application = app().getApplication();
        Pools pool = new Pools(app().getEnvironment().metrics(), "default", application.db.sessionFactory());
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = send(method, path, body);
            System.out.println("REFUSED " + method + " " + path + " " + body + " -> " + response.statusCode() + " "
                    + response.body());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected.status());
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.get("code").asInt()).isEqualTo(expected.status());
            assertThat(json.get("message").asText()).doesNotContainIgnoringCase("insert ")
                    .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("delete ");
            if (expected.property() != null) {
                assertThat(json.get("entity").asText()).isEqualTo("Measurement");
                assertThat(json.get("property").asText()).isEqualTo(expected.property());
            }
            pool.awaitIdle();
            assertThat(log.text()).doesNotContain("ERROR ").doesNotContain("\tat ");
            return json;
        }
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app().getLocalPort()
                + path)).header("Content-Type", "application/json");
        request = switch (method) {
            case "POST" -> request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            case "DELETE" -> request.DELETE();
            default -> request.GET();
        };
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    long newSensor() throws Exception {
        long id = IDS.incrementAndGet();
        assertThat(send("POST", "/sensors/" + id, null).statusCode()).isEqualTo(201);
        return id;
    }

    @Test
    void aStringLongerThanItsColumnAnswers422NamingTheProperty() throws Exception {
        refused("POST", "/measurements", "{\"label\":\"abcdefgh\"}", new Expected(422, "label"));
    }

    @Test
    void aRefusalThatFailsACompletionStageAnswersTheSame422() throws Exception {
        refused("POST", "/measurements/later", "{\"label\":\"abcdefgh\"}", new Expected(422, "label"));
    }

    @Test
    void aNumberOutOfItsColumnsRangeAnswers422NamingTheProperty() throws Exception {
        refused("POST", "/measurements", "{\"level\":40000}", new Expected(422, "level"));
    }

    @Test
    void aDecimalBeyondItsPrecisionAnswers422NamingTheProperty() throws Exception {
        refused("POST", "/measurements", "{\"price\":123456.78}", new Expected(422, "price"));
    }

    @Test
    void aRowReferringToNoRowAnswers409NamingTheForeignKey() throws Exception {
        JsonNode json = refused("POST", "/measurements", "{\"label\":\"fk\",\"sensor\":987654}", new Expected(409, null));

        assertThat(json.get("constraint").asText()).isEqualToIgnoringCase("fk_measurement_sensor");
    }

    @Test
    void deletingARowOthersReferToAnswers409NamingTheForeignKey() throws Exception {
        long sensor = newSensor();
        assertThat(send("POST", "/measurements", "{\"label\":\"s" + sensor + "\",\"sensor\":" + sensor + "}")
                .statusCode()).isEqualTo(201);

        JsonNode json = refused("DELETE", "/sensors/" + sensor, null, new Expected(409, null));

        assertThat(json.get("constraint").asText()).isEqualToIgnoringCase("fk_measurement_sensor");
    }

    @Test
    void aTakenUniqueValueAnswers409NamingTheConstraint() throws Exception {
        assertThat(send("POST", "/measurements", "{\"label\":\"twice\"}").statusCode()).isEqualTo(201);

        JsonNode json = refused("POST", "/measurements", "{\"label\":\"twice\"}", new Expected(409, null));

        assertThat(json.get("constraint").asText()).isNotBlank();
        assertThat(json.get("message").asText()).doesNotContain("twice");
    }
}
