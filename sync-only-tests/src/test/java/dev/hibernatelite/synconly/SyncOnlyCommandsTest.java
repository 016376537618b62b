package dev.hibernatelite.synconly;

import dev.hibernatelite.testfixtures.ChildJvm;
import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every db command of a sync-only application, without the async stack on the class path. */
class SyncOnlyCommandsTest {
    @TempDir
    Path dir;

    private final TestDatabase database = TestDatabase.postgres();
    private String config;

    @BeforeEach
    void writeConfiguration() throws Exception {
        config = dir.resolve("config.yml").toString();
        Files.writeString(Path.of(config), "logging:\n  level: WARN\nengines:\n  default: \"" + database.url() + "\"\n");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private static CommandRun db(String... arguments) {
        String[] line = new String[arguments.length + 1];
        line[0] = "db";
        System.arraycopy(arguments, 0, line, 1, arguments.length);
        return CommandRun.run(SyncOnlyApp::new, line);
    }

    @Test
    void dbCreateCreatesTheTables() {
        CommandRun create = db("create", config);
        assertThat(create.failed()).as("%s", create).isFalse();
        assertThat(create.out()).contains("created 1 table: notes");
    }

    @Test
    void dbCheckReportsTheDatabaseUp() {
        CommandRun check = db("check", config);
        assertThat(check.failed()).as("%s", check).isFalse();
        assertThat(check.out()).contains("default").contains("up");
    }

    @Test
    void dbDropDropsTheTablesWhenConfirmed() {
        db("create", config);
        CommandRun drop = db("drop", "--engine", "default", "--yes", config);
        assertThat(drop.failed()).as("%s", drop).isFalse();
        assertThat(drop.out()).contains("dropped 1 table: notes");
    }

    @Test
    void dbShellRunsQueriesAndCommits() throws Exception {
        db("create", config);
        ChildJvm.Result shell = ChildJvm.run(SyncOnlyApp.class, List.of("db", "shell", config),
                "db.session().persist(new Note(\"from the shell\"))\ndb.commit()\n"
                        + "db.session().createSelectionQuery(\"select count(n) from Note n\", Long.class).getSingleResult()\n"
                        + "/exit\n", Duration.ofSeconds(60));
        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("db shell for").contains("==> 1");
    }

    @Test
    void migrationsOnADatabaseWhoseFlywaySupportIsMissingNameTheArtifactToAdd() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(Path.of(config), "logging:\n  level: WARN\nengines:\n  default:\n    url: \"" + database.url()
                + "\"\n    migrations:\n      locations: [\"filesystem:" + folder + "\"]\n");

        CommandRun migrate = db("migrate", config);

        assertThat(migrate.failed()).isTrue();
        assertThat(migrate.err()).contains("HL153").contains("engines.default.migrations")
                .contains("org.flywaydb:flyway-database-postgresql:");
    }

    @Test
    void migrationsRunWithoutTheAsyncStackOnH2() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("V1__notes.sql"), "create table notes (id bigint primary key);\n");
        Files.writeString(Path.of(config), "logging:\n  level: WARN\nengines:\n  default:\n    url: \"jdbc:h2:"
                + dir.resolve("h2") + "\"\n    migrations:\n      locations: [\"filesystem:" + folder + "\"]\n");

        CommandRun migrate = db("migrate", config);

        assertThat(migrate.failed()).as("%s", migrate).isFalse();
        assertThat(migrate.out()).contains("applied 1 migration: V1 notes");
    }
}
