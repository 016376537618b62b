package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request contract on real PostgreSQL. */
class RequestSessionsTest extends RequestSessionsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }
}
