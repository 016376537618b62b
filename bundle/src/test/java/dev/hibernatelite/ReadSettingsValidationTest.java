package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad replicas, lag bounds, read pool sizes and PgBouncer settings stop startup, each named by its YAML path. */
class ReadSettingsValidationTest {
    private static final String PRIMARY = "jdbc:postgresql://10.255.255.1:5432/app";

    private static List<String> problemsOf(EngineFactory engine) {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();
        return catchThrowableOfType(EngineConfigurationException.class,
                () -> RunningBundle.start(db, Map.of("default", engine)).close()).getProblems();
    }

    @Test
    void aReplicaOfAnotherDatabaseNamesBothDatabases() {
        assertThat(problemsOf(EngineFactory.builder().url(PRIMARY)
                .replicas(List.of("jdbc:mariadb://10.255.255.2:3306/app")).build()))
                .singleElement().asString()
                .startsWith("HL180: engines.default.replicas[0] 'jdbc:mariadb://10.255.255.2:3306/app' is a MariaDB URL,"
                        + " but engines.default.url is PostgreSQL");
    }

    @Test
    void aReplicaThatIsNotAJdbcUrlIsNamedByItsIndex() {
        assertThat(problemsOf(EngineFactory.builder().url(PRIMARY)
                .replicas(List.of("jdbc:postgresql://10.255.255.2/app", "postgres://user:s3cret@replica-2/app"))
                .build()))
                .singleElement().asString()
                .startsWith("HL182: engines.default.replicas[1] 'postgres://user:****@replica-2/app' is not a JDBC URL.")
                .doesNotContain("s3cret");
    }

    @Test
    void pgbouncerOnAnotherDatabaseSaysPgbouncerPoolsPostgresql() {
        assertThat(problemsOf(EngineFactory.builder().url("jdbc:mariadb://10.255.255.2:3306/app").pgbouncer(true)
                .build()))
                .singleElement().asString()
                .startsWith("HL181: engines.default.pgbouncer is true, but engines.default.url is a MariaDB URL");
    }

    @Test
    void aMaxReplicaLagBelowTheMinimumNamesItsPath() {
        assertThat(problemsOf(EngineFactory.builder().url(PRIMARY).maxReplicaLag(Duration.milliseconds(10)).build()))
                .singleElement().asString()
                .startsWith("HL114: engines.default.maxReplicaLag is 10 milliseconds but must be at least 100ms");
    }

    @Test
    void aReadPoolOfZeroNamesItsPath() {
        assertThat(problemsOf(EngineFactory.builder().url(PRIMARY).readMaxSize(0).build()))
                .singleElement().asString()
                .startsWith("HL112: engines.default.readMaxSize is 0 but must be at least 1");
    }
}
