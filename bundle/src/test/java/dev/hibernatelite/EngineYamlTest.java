package dev.hibernatelite;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.fixtures.YamlConfig;
import io.dropwizard.configuration.ConfigurationParsingException;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code engines:} map read from real YAML text, the way Dropwizard reads an application's
 * configuration file, and what Dropwizard says when the text is wrong.
 */
class EngineYamlTest {

    private static NotesConfig parse(String yaml) throws Exception {
        return YamlConfig.parse(yaml);
    }

    private static ConfigurationParsingException parseFails(String yaml) {
        Throwable thrown = catchThrowable(() -> YamlConfig.parse(yaml));
        assertThat(thrown).isInstanceOf(ConfigurationParsingException.class);
        return (ConfigurationParsingException) thrown;
    }

    @Test
    void aBareStringIsTheEnginesUrlWithEveryOtherFieldAtItsDefault() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default: jdbc:h2:./data/blog
                """);

        assertThat(config.getEngines()).containsOnlyKeys("default");
        EngineFactory engine = config.getEngines().get("default");
        assertThat(engine).isEqualTo(EngineFactory.of("jdbc:h2:./data/blog"));
        assertThat(engine.getMaxSize()).isEmpty();
        assertThat(engine.getPassword()).isEmpty();
        assertThat(engine.getProperties()).isEmpty();
    }

    @Test
    void theFullFormReadsEveryFieldWithDropwizardDurationsAndProperties() throws Exception {
        NotesConfig config = parse("""
                engines:
                  reports:
                    url: jdbc:postgresql://127.0.0.1:5432/reports
                    driverClass: org.postgresql.Driver
                    user: app
                    password: hunter2
                    maxSize: 16
                    minSize: 4
                    maxWaitForConnection: 5s
                    validationQuery: SELECT 1
                    validationQueryTimeout: 2 seconds
                    maxConnectionAge: 15m
                    minIdleTime: 1 minute
                    initializationQuery: SET search_path TO reports
                    readOnlyByDefault: true
                    defaultTransactionIsolation: READ_COMMITTED
                    autoCommentsEnabled: true
                    properties:
                      hibernate.jdbc.batch_size: 50
                      ApplicationName: reports
                """);

        EngineFactory expected = EngineFactory.builder()
                .url("jdbc:postgresql://127.0.0.1:5432/reports")
                .driverClass("org.postgresql.Driver")
                .user("app")
                .password("hunter2")
                .maxSize(16)
                .minSize(4)
                .maxWaitForConnection(Duration.seconds(5))
                .validationQuery("SELECT 1")
                .validationQueryTimeout(Duration.seconds(2))
                .maxConnectionAge(Duration.minutes(15))
                .minIdleTime(Duration.minutes(1))
                .initializationQuery("SET search_path TO reports")
                .readOnlyByDefault(true)
                .defaultTransactionIsolation(EngineFactory.TransactionIsolation.READ_COMMITTED)
                .autoCommentsEnabled(true)
                .property("hibernate.jdbc.batch_size", "50")
                .property("ApplicationName", "reports")
                .build();
        assertThat(config.getEngines()).containsOnlyKeys("reports");
        assertThat(config.getEngines().get("reports")).isEqualTo(expected);
        assertThat(config.getEngines().get("reports").getMaxWaitForConnection()).contains(Duration.seconds(5));
    }

    @Test
    void propertiesKeepTheirYamlOrderAndScalarValuesBecomeStrings() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    properties:
                      zeta: 1
                      alpha: true
                      hibernate.format_sql: "false"
                """);

        assertThat(config.getEngines().get("default").getProperties())
                .containsExactly(Map.entry("zeta", "1"), Map.entry("alpha", "true"),
                        Map.entry("hibernate.format_sql", "false"));
    }

    @Test
    void enginesKeepTheirYamlOrderAndMixBothForms() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default: jdbc:h2:mem:yaml
                  reports:
                    url: jdbc:h2:mem:yaml
                    maxSize: 2
                  archive: jdbc:h2:mem:archive
                """);

        assertThat(config.getEngines().keySet()).containsExactly("default", "reports", "archive");
        assertThat(config.getEngines().get("reports").getMaxSize()).contains(2);
    }

    @ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource({
            "maxSzie,  maxSize",
            "pasword,  password",
            "urll,     url",
            "driver,   driverClass",
    })
    void aMisspelledFieldFailsNamingItsPathAndSuggestingTheRealName(String typo, String suggestion) {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    %s: 3
                """.formatted(typo));

        assertThat(e.getMessage())
                .contains(YamlConfig.PATH + " has an error")
                .contains("Unrecognized field at: engines.default." + typo)
                .contains("Did you mean?:")
                .contains("- " + suggestion);
    }

    @Test
    void aMisspelledFieldSuggestsTheClosestNameFirst() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    maxSzie: 3
                """);

        assertThat(e.getMessage().lines().filter(line -> line.trim().startsWith("- ")).findFirst())
                .hasValueSatisfying(first -> assertThat(first.trim()).isEqualTo("- maxSize"));
    }

    @Test
    void aMisspelledEnginesKeyFailsSuggestingEngines() {
        ConfigurationParsingException e = parseFails("""
                enginez:
                  default: jdbc:h2:mem:yaml
                """);

        assertThat(e.getMessage()).contains("Unrecognized field at: enginez").contains("- engines");
    }

    @Test
    void aNumberWhereACountBelongsFailsNamingThePathAndTheExpectedType() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    maxSize: lots
                """);

        assertThat(e.getMessage())
                .contains("Incorrect type of value at: engines.default.maxSize")
                .contains("expected: Integer");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "maxWaitForConnection,   soon",
            "validationQueryTimeout, 3 fortnights",
            "maxConnectionAge,       -5s",
            "minIdleTime,            10 sekunden",
    })
    void aDurationThatDoesNotParseFailsNamingThePathAndTheValue(String field, String value) {
        ConfigurationParsingException e = parseFails("""
                engines:
                  reports:
                    url: jdbc:h2:mem:yaml
                    %s: %s
                """.formatted(field, value));

        assertThat(e.getMessage())
                .contains("engines.reports." + field)
                .contains("Invalid duration: " + value);
    }

    @Test
    void aDurationWithoutAUnitFailsNamingThePath() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  reports:
                    url: jdbc:h2:mem:yaml
                    maxWaitForConnection: 10
                """);

        assertThat(e.getMessage()).contains("Failed to parse configuration at: engines.reports.maxWaitForConnection;");
    }

    @Test
    void anUnnamedInMemoryUrlMustBeQuotedBecauseYamlReadsItsLastColonAsAKey() throws Exception {
        assertThatThrownBy(() -> YamlConfig.parse("""
                engines:
                  default: jdbc:h2:mem:
                """))
                .isInstanceOf(ConfigurationParsingException.class)
                .hasMessageContaining("Malformed YAML at line: 2");

        NotesConfig quoted = parse("""
                engines:
                  default: "jdbc:h2:mem:"
                """);
        assertThat(quoted.getEngines().get("default").getUrl()).isEqualTo("jdbc:h2:mem:");
    }

    @Test
    void anUnknownIsolationLevelFailsNamingThePath() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    defaultTransactionIsolation: SERIALISABLE
                """);

        assertThat(e.getMessage())
                .contains("engines.default.defaultTransactionIsolation")
                .contains("TransactionIsolation");
    }

    @Test
    void aListWhereAUrlBelongsFailsNamingTheEngineAndSayingAListWasFound() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    - jdbc:h2:mem:yaml
                """);

        assertThat(e.getMessage())
                .contains("Failed to parse configuration at: engines.default;")
                .contains("from Array value");
    }

    @Test
    void aNumberWhereAUrlBelongsFailsNamingTheEngine() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default: 5432
                """);

        assertThat(e.getMessage()).contains("Failed to parse configuration at: engines.default;");
    }

    @Test
    void aUrlWhereTheEnginesMapBelongsFailsNamingEngines() {
        ConfigurationParsingException e = parseFails("""
                engines: jdbc:h2:mem:yaml
                """);

        assertThat(e.getMessage()).contains("Failed to parse configuration at: engines;");
    }

    @Test
    void aListWhereThePropertiesValueBelongsFailsNamingTheProperty() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    properties:
                      hibernate.jdbc.batch_size: [50]
                """);

        assertThat(e.getMessage()).contains("engines.default.properties.hibernate.jdbc.batch_size");
    }

    @Test
    void aPropertyWithoutAValueFailsNamingThePropertiesPathAndTheKey() {
        ConfigurationParsingException e = parseFails("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    properties:
                      ApplicationName:
                """);

        assertThat(e.getMessage())
                .contains("engines.default.properties")
                .contains("property 'ApplicationName' has no value");
    }

    @Test
    void aPropertyWithAnEmptyStringIsKept() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    properties:
                      ApplicationName: ''
                """);

        assertThat(config.getEngines().get("default").getProperties()).containsExactly(Map.entry("ApplicationName", ""));
    }

    @Test
    void anEngineWithNoValueParsesAndIsReportedWhenTheBundleStarts() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default:
                """);
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        assertThat(config.getEngines()).containsEntry("default", null);
        assertThatThrownBy(() -> RunningBundle.start(db, config.getEngines()).close())
                .isInstanceOf(EngineConfigurationException.class)
                .hasMessageContaining("HL104: engines.default has no value");
    }

    @Test
    void aConfigurationWithoutEnginesParsesAndIsReportedWhenTheBundleStarts() throws Exception {
        NotesConfig config = parse("""
                server:
                  type: simple
                """);
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .build();

        assertThat(config.getEngines()).isNull();
        assertThatThrownBy(() -> RunningBundle.start(db, config.getEngines()).close())
                .isInstanceOf(EngineConfigurationException.class)
                .hasMessageContaining("HL101: engines is missing");
    }

    @Test
    void aYamlEngineStartsAndServesSessions() throws Exception {
        NotesConfig config = parse("""
                engines:
                  default:
                    url: jdbc:h2:mem:yaml
                    maxSize: 2
                    maxWaitForConnection: 2s
                """);
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        try (RunningBundle running = RunningBundle.start(db, config.getEngines())) {
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ignored = db.context()) {
                db.session().persist(new Note("from yaml"));
                db.commit();
                List<String> texts = db.session()
                        .createSelectionQuery("select n.text from Note n", String.class).getResultList();
                assertThat(texts).containsExactly("from yaml");
            }
        }
    }
}
