package dev.hibernatelite;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.hibernatelite.fixtures.CapturedLogs;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.fixtures.YamlConfig;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Passwords never appear in a log line (at DEBUG, from any library, during startup, use and
 * shutdown), in a configuration error, or in an engine's description.
 */
class SecretsTest {
    private static final String PASSWORD = "pw-7f3a9-secret";

    private static HibernateLite<NotesConfig> bundle() {
        return HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();
    }

    /** Starts, creates tables, writes and reads a row, stops: every log event captured. */
    private static void startUseAndStop(EngineFactory engine, CapturedLogs logs, Runnable whileRunning)
            throws Exception {
        HibernateLite<NotesConfig> db = bundle();
        try (RunningBundle running = RunningBundle.start(db, Map.of("default", engine))) {
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ignored = db.context()) {
                db.session().persist(new Note("secret keeping"));
                db.commit();
                assertThat(db.session().createSelectionQuery("select count(n) from Note n", Long.class)
                        .getSingleResult()).isEqualTo(1L);
            }
            whileRunning.run();
        }
        assertThat(logs.containing("engine 'default' started")).as("startup was captured").hasSize(1);
        assertThat(logs.containing("engine 'default' closed")).as("shutdown was captured").hasSize(1);
        assertThat(logs.events()).as("DEBUG events were captured")
                .anyMatch(e -> e.getLevel() == Level.DEBUG && e.getLoggerName().startsWith("com.zaxxer.hikari"));
    }

    private static String uniqueH2(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Checks, from outside the bundle, that the running database demands {@link #PASSWORD}. */
    private static void databaseDemandsThePassword(String url) {
        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", PASSWORD)) {
            assertThat(c.isValid(1)).isTrue();
        } catch (SQLException e) {
            throw new AssertionError("the database did not accept the configured password", e);
        }
    }

    @Test
    void thePasswordFieldIsInNoLogLineFromStartupUseOrShutdown() throws Exception {
        String url = uniqueH2("secret-field");

        try (CapturedLogs logs = CapturedLogs.start()) {
            startUseAndStop(EngineFactory.builder().url(url + ";USER=sa").password(PASSWORD).build(), logs,
                    () -> databaseDemandsThePassword(url));

            assertThat(logs.containing(PASSWORD)).isEmpty();
        }
    }

    @Test
    void aPasswordInAnH2UrlIsUsedAndIsInNoLogLine() throws Exception {
        String url = uniqueH2("secret-url");

        try (CapturedLogs logs = CapturedLogs.start()) {
            startUseAndStop(EngineFactory.of(url + ";USER=sa;PASSWORD=" + PASSWORD), logs,
                    () -> databaseDemandsThePassword(url));

            assertThat(logs.containing(PASSWORD)).isEmpty();
        }
    }

    @Test
    void aPasswordReadFromYamlIsInNoLogLine() throws Exception {
        String url = uniqueH2("secret-yaml");
        NotesConfig config = YamlConfig.parse("""
                engines:
                  default:
                    url: "%s;USER=sa"
                    password: %s
                """.formatted(url, PASSWORD));

        try (CapturedLogs logs = CapturedLogs.start()) {
            startUseAndStop(config.getEngines().get("default"), logs, () -> databaseDemandsThePassword(url));

            assertThat(logs.containing(PASSWORD)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://127.0.0.1:1/blog?user=app&password=" + PASSWORD + "&ssl=false"
                    + " | jdbc:postgresql://127.0.0.1:1/blog?user=app&password=****&ssl=false",
            "jdbc:mariadb://127.0.0.1:1/blog?user=app&password=" + PASSWORD
                    + " | jdbc:mariadb://127.0.0.1:1/blog?user=app&password=****",
    })
    void anUnreachableDatabaseIsAMaskedWarningAndTheApplicationStillStarts(String url, String masked)
            throws Exception {
        HibernateLite<NotesConfig> db = bundle();

        try (CapturedLogs logs = CapturedLogs.start()) {
            try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.builder()
                    .url(url).maxWaitForConnection(Duration.seconds(1)).build()))) {
                assertThat(db.sessionFactory()).isNotNull();
            }

            List<ILoggingEvent> warnings = logs.events().stream()
                    .filter(e -> e.getFormattedMessage().startsWith("HL401:")).toList();
            assertThat(warnings).singleElement().satisfies(warning -> {
                assertThat(warning.getLevel()).isEqualTo(Level.WARN);
                assertThat(warning.getFormattedMessage())
                        .startsWith("HL401: engine 'default' could not reach its database at startup (" + masked + "):")
                        .contains("The application starts anyway");
            });
            assertThat(logs.containing(PASSWORD)).isEmpty();
        }
    }

    @Test
    void anUnreachableDatabaseWithAPasswordFieldIsAWarningWithoutIt() throws Exception {
        HibernateLite<NotesConfig> db = bundle();

        try (CapturedLogs logs = CapturedLogs.start()) {
            try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.builder()
                    .url("jdbc:postgresql://127.0.0.1:1/blog").user("app").password(PASSWORD)
                    .maxWaitForConnection(Duration.seconds(1)).build()))) {
                assertThat(db.sessionFactory()).isNotNull();
            }

            assertThat(logs.containing("HL401: engine 'default' could not reach its database")).hasSize(1);
            assertThat(logs.containing(PASSWORD)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "postgres://app:" + PASSWORD + "@db.example/blog                      | HL106 |",
            "jdbc:mysql://app:" + PASSWORD + "@db.example/blog                    | HL107 |",
            "jdbc:nosuchdb://db.example;user=app;PWD=" + PASSWORD + "             | HL107 |",
            "jdbc:oracle:thin:app/" + PASSWORD + "@db.example:1521/blog           | HL107 |",
            "jdbc:postgresql://db.example:notaport/blog?password=" + PASSWORD + " | HL108 |",
            "jdbc:mariadb://db.example:notaport/blog?password=" + PASSWORD + "    | HL108 |",
            "jdbc:h2:mem:blog;USER=sa;PASSWORD=" + PASSWORD + "                   | HL111 | org.postgresql.Driver",
            "jdbc:postgresql://app:" + PASSWORD + "@db.example/blog               | HL111 | org.h2.Driver",
    })
    void aConfigurationErrorMasksThePasswordInTheUrl(String url, String id, String driverClass) {
        Throwable thrown = catchThrowable(() -> RunningBundle.start(bundle(),
                Map.of("default", EngineFactory.builder().url(url).driverClass(driverClass).build())).close());

        assertThat(thrown).isInstanceOf(EngineConfigurationException.class);
        assertThat(thrown.getMessage()).contains(id + ": engines.default").contains("****").doesNotContain(PASSWORD);
    }

    @Test
    void aDriverThatRejectsTheUrlIsReportedWithoutThePassword() {
        Throwable thrown = catchThrowable(() -> RunningBundle.start(bundle(), Map.of("default", EngineFactory.builder()
                .url("jdbc:postgresql://db.example/blog?password=" + PASSWORD).driverClass("org.h2.Driver").build()))
                .close());

        assertThat(thrown).isInstanceOf(EngineConfigurationException.class)
                .hasMessageContaining("HL111: engines.default.driverClass 'org.h2.Driver'")
                .hasMessageContaining("password=****");
        assertThat(thrown.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void thePasswordFieldIsInNoConfigurationError() {
        Throwable thrown = catchThrowable(() -> RunningBundle.start(bundle(), Map.of("default", EngineFactory.builder()
                .url("jdbc:nosuchdb://db.example").user("app").password(PASSWORD).maxSize(-1).minSize(-1)
                .maxWaitForConnection(Duration.milliseconds(1)).validationQueryTimeout(Duration.milliseconds(1))
                .maxConnectionAge(Duration.seconds(1)).minIdleTime(Duration.seconds(1)).build())).close());

        assertThat(thrown).isInstanceOf(EngineConfigurationException.class);
        assertThat(((EngineConfigurationException) thrown).getProblems()).hasSizeGreaterThan(5);
        assertThat(thrown.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void anEngineDescriptionMasksThePasswordFieldAndThePasswordInTheUrl() {
        EngineFactory engine = EngineFactory.builder()
                .url("jdbc:postgresql://db.example/blog?user=app&password=" + PASSWORD)
                .user("app")
                .password(PASSWORD)
                .build();

        assertThat(engine.toString())
                .doesNotContain(PASSWORD)
                .contains("password=****")
                .contains("user=app");
    }

    @Test
    void anEngineDescriptionSaysWhenThereIsNoPassword() {
        assertThat(EngineFactory.of("jdbc:h2:mem:blog").toString()).contains("password=none");
    }
}
