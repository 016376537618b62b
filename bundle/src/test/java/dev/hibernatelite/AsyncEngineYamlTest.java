package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.YamlConfig;
import io.dropwizard.configuration.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Malformed {@code asyncEngines} YAML fails while Dropwizard reads the file, naming the path. */
class AsyncEngineYamlTest {
    private static String failure(String yaml) {
        Throwable thrown = catchThrowable(() -> YamlConfig.parse(yaml));
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        return thrown.getMessage();
    }

    @Test
    void theShorthandAndTheFullFormBothRead() throws Exception {
        NotesConfig config = YamlConfig.parse("""
                engines:
                  default: "jdbc:h2:mem:"
                asyncEngines:
                  default: postgresql://127.0.0.1:5432/app
                  events:
                    url: mariadb://127.0.0.1:3306/events
                    maxSize: 4
                    maxWaitForConnection: 2s
                """);
        assertThat(config.getAsyncEngines().get("default").getUrl()).isEqualTo("postgresql://127.0.0.1:5432/app");
        assertThat(config.getAsyncEngines().get("events").getMaxSize()).contains(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown key | maxSzie: 4 | asyncEngines.reports.maxSzie | maxSize",
            "a count that is text | maxSize: lots | asyncEngines.reports.maxSize | Integer",
            "a duration that does not parse | maxWaitForConnection: soon | asyncEngines.reports.maxWaitForConnection | soon",
            "a tomcat-only field | removeAbandoned: true | asyncEngines.reports.removeAbandoned | Unrecognized field"})
    void aMalformedAsyncEngineFailsNamingItsPath(String what, String line, String path, String hint) {
        String message = failure("""
                engines:
                  default: "jdbc:h2:mem:"
                asyncEngines:
                  reports:
                    url: postgresql://127.0.0.1:5432/reports
                    %s
                """.formatted(line));
        assertThat(message).as(what).contains(path).contains(hint);
    }

    @Test
    void aListWhereAnAsyncUrlBelongsFailsNamingTheEngine() {
        assertThat(failure("""
                engines:
                  default: "jdbc:h2:mem:"
                asyncEngines:
                  reports: [postgresql://a, postgresql://b]
                """)).contains("asyncEngines.reports");
    }
}
