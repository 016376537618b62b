package dev.hibernatelite.synconly;

import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Process shell = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SyncOnlyApp.class.getName(), "db", "shell", config))
                .redirectErrorStream(true).start();
        try (OutputStream in = shell.getOutputStream()) {
            in.write(("db.session().persist(new Note(\"from the shell\"))\ndb.commit()\n"
                    + "db.session().createSelectionQuery(\"select count(n) from Note n\", Long.class).getSingleResult()\n"
                    + "/exit\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(out).isZero();
        assertThat(out).contains("db shell for").contains("==> 1");
    }
}
