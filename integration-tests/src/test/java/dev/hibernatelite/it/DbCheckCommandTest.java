package dev.hibernatelite.it;

import dev.hibernatelite.it.app.CommandApp;
import dev.hibernatelite.it.app.HoldH2File;
import dev.hibernatelite.testfixtures.ChildJvm;
import dev.hibernatelite.testfixtures.CommandRun;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db check} covers async engines, and says when an H2 file database is held by a running server. */
class DbCheckCommandTest extends CommandTestDatabases {
    private String withAsyncEngineAt(String asyncUrl) throws Exception {
        String config = configWithTagsAt(tags.url());
        java.nio.file.Files.writeString(java.nio.file.Path.of(config),
                "asyncEngines:\n  events: \"" + asyncUrl + "\"\n", java.nio.file.StandardOpenOption.APPEND);
        return config;
    }

    @Test
    void checkConnectsToAsyncEnginesThroughTheirOwnClient() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "check",
                withAsyncEngineAt(main.url().substring("jdbc:".length())));

        assertThat(run.failed()).as(run.toString()).isFalse();
        assertThat(run.out()).containsPattern("default +jdbc:postgresql://\\S+ +PostgreSQL \\S+ +\\d+ ms +up")
                .containsPattern("events \\(async\\) +postgresql://\\S+ +postgresql +\\d+ ms +up");
    }

    @Test
    void checkReportsAnAsyncEngineThatIsDownAndFails() throws Exception {
        CommandRun run = CommandRun.run(CommandApp::new, "db", "check",
                withAsyncEngineAt("postgresql://127.0.0.1:1/nowhere?user=postgres"));

        assertThat(run.failed()).isTrue();
        assertThat(run.out()).containsPattern("tags .* up").containsPattern("events \\(async\\) .*DOWN: .*refused");
        assertThat(run.err()).contains("HL303").contains("1 of 3 engines are down: events");
    }

    @Test
    void checkSaysAnH2FileHeldByAnotherProcessIsInUseAndHowToShareIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("held").toAbsolutePath();
        Process server = ChildJvm.start(HoldH2File.class, List.of(url));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the other process opened the database").isEqualTo("held");

            CommandRun run = CommandRun.run(CommandApp::new, "db", "check",
                    config("  default: \"" + url + "\"\n  tags: \"" + tags.url() + "\"\n"));

            assertThat(run.failed()).isTrue();
            assertThat(run.out()).containsPattern("default .*DOWN: .*HL330: the H2 database jdbc:h2:file:\\S+ is held"
                    + " by another process").contains(";AUTO_SERVER=TRUE");
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }
}
