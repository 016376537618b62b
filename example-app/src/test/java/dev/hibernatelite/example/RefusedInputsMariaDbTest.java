package dev.hibernatelite.example;

import dev.hibernatelite.example.RefusedInput.Db;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The refused-inputs table on MariaDB (strict mode, its default), sync and async. The blog's
 * tables are made here in utf8mb3, as MariaDB's older defaults made them: a character outside
 * the Basic Multilingual Plane is then refused by the column (error 1366).
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

    @BeforeAll
    static void utf8mb3Tables() throws SQLException {
        createUtf8mb3Tables(MARIADB.url());
    }

    /** The blog's tables, in utf8mb3 (the application starts without them: it makes none at startup). */
    static void createUtf8mb3Tables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("create table users (id bigint not null auto_increment, name varchar(255) not null,"
                    + " primary key (id), constraint uk_users_name unique (name)) character set utf8mb3");
            st.execute("create table posts (id bigint not null auto_increment, title varchar(255) not null,"
                    + " body varchar(10000) not null, author_id bigint not null, created_at datetime(6) not null,"
                    + " primary key (id), constraint fk_posts_author foreign key (author_id) references users (id))"
                    + " character set utf8mb3");
        }
    }

    static List<RefusedInput> table() {
        return RefusedInput.on(Db.MARIADB);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void isRefusedWithA4xxNamingWhatWasWrong(RefusedInput input) {
        answersItsRefusal(input);
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
