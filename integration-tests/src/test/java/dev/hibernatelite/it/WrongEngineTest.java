package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.app.WrongEngineApp;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity asked of a session of an engine it is not bound to fails in Hibernate with a bare
 * "unknown entity"; the request's log then says which engine owns it (HL231), sync and async,
 * and suggests the nearest entity for a name no engine maps.
 */
class WrongEngineTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(WrongEngineApp.class,
            ResourceHelpers.resourceFilePath("wrong-engine.yml"),
            ConfigOverride.config("asyncEngines.events.url", POSTGRES::url));

    private static String logOf(String path) {
        try (LogCapture logs = new LogCapture()) {
            assertThat(new Http(APP.getLocalPort()).get(path).statusCode()).isEqualTo(500);
            Eventually.await("the request's failure is logged", Duration.ofSeconds(10),
                    () -> logs.text().contains("HL231"), logs::text);
            return logs.text();
        }
    }

    @Test
    void aQueryOnAnotherEnginesEntityNamesTheEngineThatOwnsIt() {
        assertThat(logOf("/query/Tag")).contains("HL231: entity Tag is bound to engine 'tags'")
                .contains("db.session(\"tags\")");
    }

    @Test
    void findingAnotherEnginesEntityNamesTheEngineThatOwnsIt() {
        assertThat(logOf("/find-tag")).contains("HL231: entity Tag is bound to engine 'tags'");
    }

    @Test
    void anAsyncQueryOnAnEntityOfASyncEngineNamesTheEngineThatOwnsIt() {
        assertThat(logOf("/async/query/Note")).contains("HL231: entity Note is bound to engine 'default'")
                .contains("db.async().session(\"default\")");
    }

    @Test
    void aNameNoEngineMapsGetsTheNearestEntityAndItsEngine() {
        assertThat(logOf("/query/Nte")).contains("HL231: no engine maps an entity named 'Nte'.")
                .contains("Did you mean 'Note' (engine 'default')?");
    }
}
