package dev.hibernatelite.it.refusal;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application replaces the bundle's answers to refusals: its own {@code ExceptionMapper} for
 * Hibernate's {@code DataException} or {@code ConstraintViolationException} wins (Jersey picks
 * the closest type); {@code databaseRefusalMapping(false)} removes the bundle's mapping.
 */
class RefusalMappingReplacedTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> OWN = new DropwizardAppExtension<>(OwnRefusalMappersApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<ProbeConfig> UNMAPPED = new DropwizardAppExtension<>(UnmappedRefusalsApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    private static HttpResponse<String> post(DropwizardAppExtension<ProbeConfig> app, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + app.getLocalPort() + "/measurements"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApplicationsOwnMapperForARefusedValueAnswers() throws Exception {
        HttpResponse<String> response = post(OWN, "{\"label\":\"much too long\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"mine\":\"data\"}");
    }

    @Test
    void theApplicationsOwnMapperForAConstraintViolationAnswers() throws Exception {
        assertThat(post(OWN, "{\"label\":\"own\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> response = post(OWN, "{\"label\":\"own\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"mine\":\"constraint\"}");
    }

    @Test
    void withTheMappingSwitchedOffARefusedValueIsDropwizardsServerError() throws Exception {
        HttpResponse<String> response = post(UNMAPPED, "{\"label\":\"much too long\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"code\":500");
    }
}
