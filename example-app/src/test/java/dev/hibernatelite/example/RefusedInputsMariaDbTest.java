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
 * The refused-inputs table on MariaDB (strict mode, its default), sync and async. The blog's
 * tables are migrated from the tests' own migration, in utf8mb3 as MariaDB's older defaults made
 * them: a character outside the Basic Multilingual Plane is then refused by the column (error 1366).
 */
class RefusedInputsMariaDbTest extends RefusedInputsContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase MARIADB = TestDatabase.mariadb();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config-mariadb.yml"),
            ConfigOverride.config("engines.default.url", MARIADB::url),
            ConfigOverride.config("asyncEngines.default.url", MARIADB::url));

    static List<RefusedInput> table() {
        return RefusedInput.on(Db.MARIADB);
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
        return MARIADB.url();
    }

    @Override
    String busyConnectionsQuery() {
        return "select (select count(*) from information_schema.processlist where db = database()"
                + " and command <> 'Sleep' and id <> connection_id())"
                + " + (select count(*) from information_schema.innodb_trx where trx_mysql_thread_id <> connection_id())";
    }
}
