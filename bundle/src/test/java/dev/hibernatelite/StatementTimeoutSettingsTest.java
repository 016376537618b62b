package dev.hibernatelite;

import dev.hibernatelite.fixtures.CapturedLogs;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code statementTimeout}: validated at startup, and a warning where the bundle cannot pass it on. */
class StatementTimeoutSettingsTest {
    private static HibernateLite<NotesConfig> bundle() {
        return HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines).entities(Note.class).build();
    }

    @Test
    void aStatementTimeoutUnderOneSecondIsRefusedWithItsPath() {
        List<String> problems = catchThrowableOfType(EngineConfigurationException.class,
                () -> RunningBundle.start(bundle(), Map.of("default", EngineFactory.builder().url("jdbc:h2:mem:")
                        .statementTimeout(Duration.milliseconds(200)).build())).close()).getProblems();

        assertThat(problems).singleElement().asString()
                .startsWith("HL125: engines.default.statementTimeout is 200 milliseconds");
    }

    @Test
    void zeroTurnsTheBoundOffAndIsAccepted() throws Exception {
        try (RunningBundle running = RunningBundle.start(bundle(), Map.of("default", EngineFactory.builder()
                .url("jdbc:h2:mem:").statementTimeout(Duration.seconds(0)).build()))) {
            assertThat(running.db().engines()).containsKey("default");
        }
    }

    @Test
    void pgbouncerGetsNoStatementTimeoutAndAWarningSayingWhereToSetIt() throws Exception {
        try (CapturedLogs logs = CapturedLogs.start();
             RunningBundle ignored = RunningBundle.start(bundle(), Map.of("default", EngineFactory.builder()
                     .url("jdbc:postgresql://127.0.0.1:1/app?user=app").pgbouncer(true).build()))) {
            assertThat(logs.containing("HL126")).singleElement().asString()
                    .contains("engines.default.statementTimeout is not applied")
                    .contains("ALTER ROLE");
        }
    }
}
