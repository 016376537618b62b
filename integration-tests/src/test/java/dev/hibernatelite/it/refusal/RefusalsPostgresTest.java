package dev.hibernatelite.it.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RefusalsContract} on PostgreSQL, plus what only PostgreSQL refuses. */
class RefusalsPostgresTest extends RefusalsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(RefusalApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void anInstantPastTheColumnsTimestampsAnswers422NamingTheProperty() throws Exception {
        refused("POST", "/measurements", "{\"takenAt\":\"+300000-01-01T00:00:00Z\"}", new Expected(422, "takenAt"));
    }

    @Test
    void textThatIsNotANumberWhereTheQueryCastsItAnswers422() throws Exception {
        JsonNode json = refused("GET", "/measurements/count?minLevel=abc", null, new Expected(422, null));

        assertThat(json.get("message").asText()).contains("not valid for its type");
    }

    @Test
    void aTakenUniqueValueNamesItsProperty() throws Exception {
        assertThat(send("POST", "/measurements", "{\"label\":\"one\"}").statusCode()).isEqualTo(201);

        JsonNode json = refused("POST", "/measurements", "{\"label\":\"one\"}", new Expected(409, "label"));

        assertThat(json.get("message").asText()).contains("Measurement.label").doesNotContain("one\"");
    }
}
