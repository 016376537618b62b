package dev.hibernatelite.it.refusal;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RefusalsContract} on MariaDB in strict mode (its default): errors 1406, 1264, 1292, 1062, 1451, 1452. */
class RefusalsMariaDbTest extends RefusalsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase MARIADB = TestDatabase.mariadb();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(RefusalApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", MARIADB::url));

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void anInstantPastTheColumnsDatetimesAnswers422NamingTheProperty() throws Exception {
        refused("POST", "/measurements", "{\"takenAt\":\"+20000-01-01T00:00:00Z\"}", new Expected(422, "takenAt"));
    }
}
