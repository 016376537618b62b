package dev.hibernatelite.synconly;

import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A sync-only application starts, serves requests and is isolated per test, without the async stack. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncOnlyAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<SyncOnlyConfig> APP = new DropwizardAppExtension<>(SyncOnlyApp.class,
            ResourceHelpers.resourceFilePath("sync-only.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<SyncOnlyApp>getApplication().db());

    private static Http http() {
        return new Http(APP.getLocalPort());
    }

    @Test
    @Order(1)
    void aNoteWrittenOverHttpCanBeReadBack() {
        HttpResponse<String> created = http().post("/notes?text=first");
        assertThat(created.statusCode()).isEqualTo(200);
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        HttpResponse<String> read = http().get("/notes/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"text\":\"first\"");
    }

    @Test
    @Order(2)
    void theNoteOfThePreviousTestWasRolledBackByTheTestIsolation() {
        assertThat(http().get("/notes").body()).isEqualTo("[]");
    }

    @Test
    @Order(3)
    void anUnknownIdIsA404() {
        assertThat(http().get("/notes/999999").statusCode()).isEqualTo(404);
    }
}
