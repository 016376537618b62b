package dev.hibernatelite.it;

import dev.hibernatelite.it.app.CommandApp;
import dev.hibernatelite.testfixtures.CommandRun;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db create} run through Dropwizard's command line, on real PostgreSQL. */
class DbCreateCommandTest extends CommandTestDatabases {
    @Test
    void createsTheMissingTablesOfEveryEngineAndSaysWhichItCreated() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", twoEngines());

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out()).contains("engine 'default'").contains("created 1 table: notes")
                .contains("engine 'tags'").contains("created 1 table: tags");
        assertThat(tables(main.url())).containsExactly("notes");
        assertThat(tables(tags.url())).containsExactly("tags");
    }

    @Test
    void runningItAgainCreatesNothing() throws Exception {
        String config = twoEngines();
        CommandRun.run(CommandApp::new, "db", "create", config);
        CommandRun again = CommandRun.run(CommandApp::new, "db", "create", config);

        assertThat(again.failed()).as(again.toString()).isFalse();
        assertThat(again.out()).contains("nothing to create; all 1 tables exist").doesNotContain("created");
    }

    @Test
    void leavesAnExistingTableAsItIs() throws Exception {
        try (Connection c = DriverManager.getConnection(main.url()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id bigint primary key, text varchar(10), extra int)");
        }
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", twoEngines());

        assertThat(run.out()).contains("engine 'default'").contains("nothing to create");
        try (Connection c = DriverManager.getConnection(main.url());
             ResultSet rs = c.getMetaData().getColumns(null, "public", "notes", "extra")) {
            assertThat(rs.next()).as("the column only the old table had").isTrue();
        }
    }

    @Test
    void withAnEngineNamedItCreatesOnlyThatEnginesTables() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", "--engine", "tags", twoEngines());

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out()).contains("engine 'tags'").doesNotContain("engine 'default'");
        assertThat(tables(main.url())).isEmpty();
        assertThat(tables(tags.url())).containsExactly("tags");
    }

    @Test
    void anUnknownEngineFailsNamingTheKnownOnes() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", "--engine", "tagz", twoEngines());

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("HL301").contains("known: default, tags").contains("Did you mean 'tags'?")
                .doesNotContain("\tat ");
        assertThat(tables(tags.url())).isEmpty();
    }

    @Test
    void badConfigurationFailsWithItsYamlPathAndNoStackTrace() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", config("  default:\n    url: \" \"\n  tags: \"" + tags.url()
                + "\"\n"));

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("HL105").contains("engines.default.url").doesNotContain("\tat ");
    }

    @Test
    void theUrlItPrintsHasItsPasswordMasked() throws Exception {
        String withPassword = main.url() + "&password=pw-7f3a9-secret";
        CommandRun run = CommandRun.run(CommandApp::new, "db", "create", config("  default: \"" + withPassword + "\"\n  tags: \""
                + tags.url() + "\"\n"));

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out() + run.err()).doesNotContain("pw-7f3a9-secret").contains("password=****");
    }
}
