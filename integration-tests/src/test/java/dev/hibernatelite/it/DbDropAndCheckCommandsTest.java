package dev.hibernatelite.it;

import dev.hibernatelite.it.app.CommandApp;
import dev.hibernatelite.testfixtures.CommandRun;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db drop} and {@code db check} through Dropwizard's command line, on real PostgreSQL. */
class DbDropAndCheckCommandsTest extends CommandTestDatabases {
    private String createdTables() throws Exception {
        String config = configWithTagsAt(tags.url());
        assertThat(CommandRun.run(CommandApp::new, "db", "create", config).failed()).isFalse();
        return config;
    }

    @Test
    void dropWithoutYesDropsNothingSaysWhatItWouldDropAndFails() throws Exception {
        String config = createdTables();
        CommandRun run = CommandRun.run(CommandApp::new, "db", "drop", "--engine", "tags", config);

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("HL302").contains("would drop 1 table: tags").contains("--yes")
                .doesNotContain("\tat ");
        assertThat(tables(tags.url())).containsExactly("tags");
    }

    @Test
    void dropWithYesDropsOnlyThatEnginesMappedTables() throws Exception {
        String config = createdTables();
        try (Connection c = DriverManager.getConnection(tags.url()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE unmapped (id int)");
        }
        CommandRun run = CommandRun.run(CommandApp::new, "db", "drop", "--engine", "tags", "--yes", config);

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out()).contains("engine 'tags'").contains("dropped 1 table: tags");
        assertThat(tables(tags.url())).containsExactly("unmapped");
        assertThat(tables(main.url())).containsExactly("notes");
    }

    @Test
    void dropNeedsAnEngine() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "drop", "--yes", createdTables());

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("--engine");
        assertThat(tables(main.url())).containsExactly("notes");
    }

    @Test
    void dropOfAnUnknownEngineFailsNamingTheKnownOnes() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "drop", "--engine", "tagz", "--yes", createdTables());

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("HL301").contains("Did you mean 'tags'?");
        assertThat(tables(tags.url())).containsExactly("tags");
    }

    @Test
    void checkPrintsATableOfEveryEngineAndSucceedsWhenAllAnswer() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "check", configWithTagsAt(tags.url() + "&password=pw-7f3a9-secret"));

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out()).contains("ENGINE").contains("STATUS")
                .containsPattern("default +jdbc:postgresql://\\S+ +PostgreSQL \\S+ +\\d+ ms +up")
                .containsPattern("tags +jdbc:postgresql://\\S+password=\\*\\*\\*\\* +PostgreSQL \\S+ +\\d+ ms +up")
                .doesNotContain("pw-7f3a9-secret");
    }

    @Test
    void checkReportsADatabaseThatIsDownWithItsErrorAndFails() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "check", configWithTagsAt("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres"));

        assertThat(run.failed()).isTrue();
        assertThat(run.out()).containsPattern("default .* up").containsPattern("tags .*DOWN: .*refused");
        assertThat(run.err()).contains("HL303").contains("1 of 2 engines are down: tags");
    }
}
