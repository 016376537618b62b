package dev.hibernatelite.example;

import dev.hibernatelite.example.RefusedInput.Db;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/**
 * The refused-inputs table on PostgreSQL, through the sync routes and their async twins: NUL
 * characters in names, posts and searches, and instants outside PostgreSQL's timestamps.
 */
class RefusedInputsPostgresTest extends RefusedInputsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url),
            ConfigOverride.config("asyncEngines.default.url", POSTGRES::url),
            ConfigOverride.config("asyncEngines.default.maxSize", "4"));

    static List<RefusedInput> table() {
        return RefusedInput.on(Db.POSTGRESQL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void isRefusedWithA4xxNamingWhatWasWrong(RefusedInput input) {
        answersItsRefusal(input);
    }

    @ParameterizedTest(name = "on /{0}users")
    @ValueSource(strings = {"", "/async"})
    void clientsRacingForOneNameGetOneCreatedAndOnlyConflicts(String prefix) throws Exception {
        racingClientsGetOneCreatedAndOnlyConflicts(prefix);
    }

    @Override
    DropwizardAppExtension<BlogConfig> app() {
        return APP;
    }

    @Override
    String jdbcUrl() {
        return POSTGRES.url();
    }

    @Override
    String busyConnectionsQuery() {
        return "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                + " and state is not null and state <> 'idle'";
    }
}
