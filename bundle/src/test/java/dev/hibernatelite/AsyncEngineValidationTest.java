package dev.hibernatelite;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Tag;
import io.dropwizard.util.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad async engine configuration stops startup with the YAML path and the fix, before anything opens. */
class AsyncEngineValidationTest {
    private static HibernateLite<NotesConfig> bundle() {
        return HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .asyncEngines(NotesConfig::getAsyncEngines).entities(Note.class).build();
    }

    private static EngineConfigurationException startFails(Map<String, AsyncEngineFactory> async) {
        return catchThrowableOfType(EngineConfigurationException.class, () -> RunningBundle.start(bundle(),
                Map.of("default", EngineFactory.of("jdbc:h2:mem:")), async).close());
    }

    static Stream<Arguments> badEngines() {
        return Stream.of(
                Arguments.of("a blank URL", AsyncEngineFactory.of(" "), "HL132", "asyncEngines.reports.url"),
                Arguments.of("an unsupported scheme", AsyncEngineFactory.of("jdbc:h2:mem:x"), "HL133",
                        "asyncEngines.reports.url"),
                Arguments.of("a URL without a host", AsyncEngineFactory.of("postgresql:///db"), "HL135",
                        "asyncEngines.reports.url"),
                Arguments.of("a missing client", AsyncEngineFactory.of("db2://h:50000/db"), "HL134",
                        "io.vertx:vertx-db2-client"),
                Arguments.of("a pool of zero", AsyncEngineFactory.builder().url("postgresql://h/db").maxSize(0).build(),
                        "HL112", "asyncEngines.reports.maxSize"),
                Arguments.of("a wait queue of zero",
                        AsyncEngineFactory.builder().url("postgresql://h/db").maxWaitQueueSize(0).build(), "HL112",
                        "asyncEngines.reports.maxWaitQueueSize"),
                Arguments.of("a too-short wait", AsyncEngineFactory.builder().url("postgresql://h/db")
                        .maxWaitForConnection(Duration.milliseconds(10)).build(), "HL114",
                        "asyncEngines.reports.maxWaitForConnection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEngines")
    void aBadAsyncEngineIsNamedByItsYamlPath(String what, AsyncEngineFactory engine, String id, String named) {
        EngineConfigurationException e = startFails(Map.of("reports", engine));
        assertThat(e).as(what).isNotNull();
        assertThat(e.getMessage()).contains(id).contains(named);
    }

    @Test
    void anAsyncEngineWithoutAValueSaysWhatToGiveIt() {
        Map<String, AsyncEngineFactory> async = new java.util.HashMap<>();
        async.put("events", null);

        assertThat(startFails(async).getProblems()).singleElement().asString()
                .startsWith("HL131: asyncEngines.events has no value.")
                .contains("events: postgresql://host:5432/db");
    }

    @Test
    void anEntityBoundToAnUnknownEngineIsCheckedAgainstAsyncEnginesToo() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .asyncEngines(NotesConfig::getAsyncEngines).entities(Note.class).entities("tagz", Tag.class).build();
        EngineConfigurationException e = catchThrowableOfType(EngineConfigurationException.class,
                () -> RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")),
                        Map.of("tags", AsyncEngineFactory.of("postgresql://127.0.0.1:1/db"))).close());
        assertThat(e.getMessage()).contains("HL116").contains("engines or asyncEngines").contains("Did you mean 'tags'?");
    }

    @Test
    void asyncCallsWithoutAsyncEnginesSayHowToConfigureThem() throws Exception {
        HibernateLite<NotesConfig> db = bundle();
        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")))) {
            assertThatThrownBy(db::async).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HL207").hasMessageContaining("asyncEngines");
        }
    }

    @Test
    void aPasswordInAnAsyncUrlIsMasked() {
        EngineConfigurationException e = startFails(Map.of("reports",
                AsyncEngineFactory.of("mysqlx://app:pw-7f3a9-secret@h/db")));
        assertThat(e.getMessage()).contains("HL133").doesNotContain("pw-7f3a9-secret");
    }
}
