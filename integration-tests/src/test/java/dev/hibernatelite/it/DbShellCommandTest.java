package dev.hibernatelite.it;

import dev.hibernatelite.it.app.CommandApp;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testfixtures.ChildJvm;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db shell} in a JVM of its own, driven through piped standard input as a user would
 * type: what it writes through the shell, the application then reads over HTTP.
 */
class DbShellCommandTest {
    @TempDir
    Path dir;

    private final TestDatabase database = TestDatabase.postgres();
    private String config;

    @BeforeEach
    void createTables() throws IOException {
        config = dir.resolve("config.yml").toString();
        Files.writeString(Path.of(config), "logging:\n  level: WARN\nengines:\n  default: \"" + database.url()
                + "\"\n  tags: \"" + database.url() + "&password=pw-7f3a9-secret\"\n");
        assertThat(CommandRun.run(CommandApp::new, "db", "create", config).failed()).isFalse();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private ChildJvm.Result shell(List<String> options, String... lines) {
        List<String> arguments = new ArrayList<>(List.of("db", "shell"));
        arguments.addAll(options);
        arguments.add(config);
        return ChildJvm.run(CommandApp.class, arguments, String.join("\n", lines) + "\n/exit\n", Duration.ofSeconds(60));
    }

    @Test
    void theBannerListsEnginesEntitiesAndWhatIsBoundWithoutThePassword() throws Exception {
        ChildJvm.Result shell = shell(List.of());

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("db shell for command-app")
                .containsPattern("engine default \\(jdbc:postgresql://[^)]+\\), used by db.session\\(\\): Note")
                .contains("engine tags (").contains("password=****").contains(": Tag")
                .contains("db.commit()").doesNotContain("pw-7f3a9-secret");
    }

    @Test
    void whatTheShellCommitsTheApplicationReads() throws Exception {
        ChildJvm.Result shell = shell(List.of(),
                "db.session().persist(new Note(\"written in the shell\"))",
                "db.commit()",
                "System.out.println(\"count=\" + db.session().createSelectionQuery(\"select count(n) from Note n\","
                        + " Long.class).getSingleResult())");

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("count=1").doesNotContain("Exception");
        DropwizardTestSupport<ProbeConfig> app = new DropwizardTestSupport<>(ProbeApp.class,
                ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url", database.url()));
        app.before();
        try {
            assertThat(new Http(app.getLocalPort()).get("/notes").body()).contains("written in the shell");
        } finally {
            app.after();
        }
    }

    @Test
    void whatTheShellDoesNotCommitIsRolledBackWhenItExits() throws Exception {
        ChildJvm.Result shell = shell(List.of(), "db.session().persist(new Note(\"never committed\"))",
                "db.session().flush()");

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("uncommitted work rolled back");
        assertThat(shell(List.of(), "System.out.println(\"count=\" + db.session().createSelectionQuery("
                + "\"select count(n) from Note n\", Long.class).getSingleResult())").out()).contains("count=0");
    }

    @Test
    void withAnEngineNamedDbSessionIsThatEnginesSession() throws Exception {
        ChildJvm.Result shell = shell(List.of("--engine", "tags"),
                "db.session().persist(new Tag(\"tagged in the shell\"))",
                "db.commit()",
                "System.out.println(\"tags=\" + db.session().createSelectionQuery(\"from Tag\", Tag.class)"
                        + ".getResultList().size())");

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("tags=1").contains("engine tags (")
                .containsPattern("engine tags \\([^)]+\\), used by db.session\\(\\)");
    }

    @Test
    void theBannersExampleQueriesAnEntityOfTheEngineDbSessionUses() throws Exception {
        String example = "db.session().createSelectionQuery(\"from Tag\", Tag.class).getResultList()";
        ChildJvm.Result shell = shell(List.of("--engine", "tags"), "System.out.println(\"rows=\" + " + example + ".size())");

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("Try: " + example).contains("rows=0").doesNotContain("Exception");
        assertThat(shell(List.of()).out()).contains("Try: db.session().createSelectionQuery(\"from Note\", Note.class)");
    }

    @Test
    void anEntityAskedOfAnotherEnginesSessionGetsTheEngineThatOwnsIt() throws Exception {
        ChildJvm.Result shell = shell(List.of(), "db.session().createSelectionQuery(\"from Tag\", Tag.class).getResultList()",
                "db.session(\"tags\").createSelectionQuery(\"from Tag\", Tag.class).getResultList().size()");

        assertThat(shell.exitCode()).as(shell.out()).isZero();
        assertThat(shell.out()).contains("Could not resolve root entity 'Tag'")
                .contains("HL231: entity Tag is bound to engine 'tags'").contains("db.session(\"tags\")");
    }

    @Test
    void aShellEndingWithAnErrorStatusFailsTheCommandWithHl304() throws Exception {
        ChildJvm.Result shell = shell(List.of(), "/exit 3");

        assertThat(shell.exitCode()).as(shell.out()).isNotZero();
        assertThat(shell.out()).contains("HL304: JShell ended with status 3");
    }
}
