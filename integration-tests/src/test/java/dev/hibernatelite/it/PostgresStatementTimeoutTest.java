package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.Scenario;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code statementTimeout} on PostgreSQL: {@code statement_timeout}, which also ends a wait for a lock. */
@ExtendWith(Scenario.class)
class PostgresStatementTimeoutTest extends StatementTimeoutContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres().withTablesOf(Note.class);

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("statement-timeout.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url));

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Override
    String databaseUrl() {
        return POSTGRES.url();
    }

    @Override
    String sleepFunction() {
        return "pg_sleep";
    }
}
