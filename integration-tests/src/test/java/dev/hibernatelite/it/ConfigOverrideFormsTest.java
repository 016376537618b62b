package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The overrides testing.md shows point a test's application at the test database, whichever
 * form the test YAML writes the engine in: {@code engines.default} for the bare-URL form
 * ({@code default: jdbc:h2:mem:}), {@code engines.default.url} for the full form.
 */
class ConfigOverrideFormsTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> BARE = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("bare-url.yml"), ConfigOverride.config("engines.default", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<ProbeConfig> FULL = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", POSTGRES::url));

    private static String databaseOf(DropwizardAppExtension<ProbeConfig> app) {
        try (var ctx = ((ProbeApp) app.getApplication()).db().context()) {
            return ctx.session().createNativeQuery("select current_database()", String.class).getSingleResult();
        }
    }

    @Test
    void overridingTheWholeEngineReplacesABareUrl() {
        assertThat(databaseOf(BARE)).isEqualTo(POSTGRES.name());
    }

    @Test
    void overridingTheUrlFieldReplacesTheFullFormsUrl() {
        assertThat(databaseOf(FULL)).isEqualTo(POSTGRES.name());
    }

    @Test
    void overridingAUrlFieldTheBareFormDoesNotHaveFailsInDropwizardBeforeTheApplicationStarts() {
        DropwizardTestSupport<ProbeConfig> support = new DropwizardTestSupport<>(ProbeApp.class,
                ResourceHelpers.resourceFilePath("bare-url.yml"), ConfigOverride.config("engines.default.url", "x"));
        assertThatThrownBy(support::before).hasStackTraceContaining("engines.default.url; it's not a valid path");
        support.after();
    }
}
