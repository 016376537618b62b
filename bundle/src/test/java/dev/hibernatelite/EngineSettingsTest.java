package dev.hibernatelite;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a valid engine configuration becomes: the defaults that spare users a foot-gun. */
class EngineSettingsTest {

    private static EngineSettings resolve(EngineFactory engine) {
        List<String> problems = new ArrayList<>();
        EngineSettings settings = new EngineSettingsResolver("engines").resolve(Map.of("reports", engine), false, problems)
                .get("reports");
        assertThat(problems).isEmpty();
        return settings;
    }

    @Test
    void aBareUrlGetsThePoolDefaults() {
        EngineSettings s = resolve(EngineFactory.of("jdbc:h2:./target/settings-defaults"));

        assertThat(s.name()).isEqualTo("reports");
        assertThat(s.yamlPath()).isEqualTo("engines.reports");
        assertThat(s.vendor()).isEqualTo(DatabaseVendor.H2);
        assertThat(s.driverClass()).isEqualTo("org.h2.Driver");
        assertThat(s.maxSize()).isEqualTo(EngineFactory.DEFAULT_MAX_SIZE);
        assertThat(s.minSize()).isEqualTo(s.maxSize());
        assertThat(s.maxWaitMillis()).isEqualTo(EngineFactory.DEFAULT_MAX_WAIT_FOR_CONNECTION.toMilliseconds());
        assertThat(s.validationTimeoutMillis())
                .isEqualTo(EngineFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT.toMilliseconds());
        assertThat(s.maxConnectionAgeMillis()).as("chosen when the database is known").isNull();
        assertThat(s.jdbcUrl()).isEqualTo(s.configuredUrl());
        assertThat(s.shutdownOnClose()).isFalse();
    }

    @ParameterizedTest(name = "maxWaitForConnection {0} -> validation {1}ms")
    @CsvSource({"300ms, 250", "1s, 500", "3s, 1500", "3001ms, 3000", "5s, 3000", "30s, 3000"})
    void anUnsetValidationTimeoutIsTheDefaultOrHalfAWaitTheDefaultDoesNotFitUnder(String wait, long expectedMillis) {
        EngineSettings s = resolve(EngineFactory.builder().url("jdbc:h2:mem:")
                .maxWaitForConnection(Duration.parse(wait)).build());

        assertThat(s.validationTimeoutMillis()).isEqualTo(expectedMillis).isLessThan(s.maxWaitMillis());
    }

    @Test
    void aSetValidationTimeoutIsKept() {
        EngineSettings s = resolve(EngineFactory.builder().url("jdbc:h2:mem:")
                .maxWaitForConnection(Duration.seconds(1)).validationQueryTimeout(Duration.milliseconds(900)).build());

        assertThat(s.validationTimeoutMillis()).isEqualTo(900);
    }

    @Test
    void hibernateAndJakartaPropertiesGoToHibernateAndTheRestToTheDriver() {
        EngineSettings s = resolve(EngineFactory.builder().url("jdbc:h2:mem:")
                .property("hibernate.jdbc.batch_size", "50")
                .property("jakarta.persistence.lock.timeout", "100")
                .property("ApplicationName", "reports")
                .build());

        assertThat(s.hibernateProperties()).containsOnly(
                Map.entry("hibernate.jdbc.batch_size", "50"), Map.entry("jakarta.persistence.lock.timeout", "100"));
        assertThat(s.driverProperties()).containsOnly(Map.entry("ApplicationName", "reports"));
    }

    @Test
    void theIsolationLevelBecomesItsJdbcNameAndDefaultMeansTheDrivers() {
        assertThat(resolve(EngineFactory.builder().url("jdbc:h2:mem:")
                .defaultTransactionIsolation(EngineFactory.TransactionIsolation.READ_COMMITTED).build())
                .transactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(resolve(EngineFactory.builder().url("jdbc:h2:mem:")
                .defaultTransactionIsolation(EngineFactory.TransactionIsolation.DEFAULT).build())
                .transactionIsolation()).isNull();
    }

    // ---- MySQL family ----------------------------------------------------------------------

    /** MariaDB's driver takes jdbc:mysql: URLs that say permitMysqlScheme; MySQL's driver is not here. */
    private static final String MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/blog?permitMysqlScheme";

    @Test
    void aMySqlUrlGetsUtf8mb4ThroughCharacterEncoding() {
        EngineSettings s = resolve(EngineFactory.of(MYSQL_URL));

        assertThat(s.vendor()).isEqualTo(DatabaseVendor.MYSQL);
        assertThat(s.driverProperties()).containsEntry("characterEncoding", "UTF-8");
    }

    @Test
    void aMySqlUrlKeepsACharacterEncodingItSetsInItsProperties() {
        EngineSettings s = resolve(EngineFactory.builder().url(MYSQL_URL).property("characterencoding", "latin1").build());

        assertThat(s.driverProperties()).containsOnly(Map.entry("characterencoding", "latin1"));
    }

    @Test
    void aMySqlUrlKeepsACharacterEncodingItSetsInTheUrl() {
        EngineSettings s = resolve(EngineFactory.of(MYSQL_URL + "&characterEncoding=latin1"));

        assertThat(s.driverProperties()).doesNotContainKey("characterEncoding");
    }

    @Test
    void aMariaDbUrlNeedsNoEncodingPropertyBecauseItsDriverAlwaysUsesUtf8mb4() {
        EngineSettings s = resolve(EngineFactory.of("jdbc:mariadb://127.0.0.1:3306/blog"));

        assertThat(s.vendor()).isEqualTo(DatabaseVendor.MARIADB);
        assertThat(s.vendor().isMySqlFamily()).isTrue();
        assertThat(s.driverProperties()).isEmpty();
    }

    // ---- passwords -------------------------------------------------------------------------

    @Test
    void aPasswordInTheUrlIsPassedAsThePasswordAndTheUrlConnectsWithoutIt() {
        EngineSettings s = resolve(EngineFactory.of("jdbc:postgresql://db.example/blog?user=app&password=s3cret"));

        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/blog?user=app");
        assertThat(s.configuredUrl()).isEqualTo("jdbc:postgresql://db.example/blog?user=app&password=s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void whenThePasswordFieldIsSetTooTheUrlIsLeftAsWrittenForTheDriverToJudge() {
        EngineSettings s = resolve(EngineFactory.builder()
                .url("jdbc:postgresql://db.example/blog?password=fromurl").password("fromfield").build());

        assertThat(s.password()).isEqualTo("fromfield");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/blog?password=fromurl");
    }

    // ---- H2 in-memory databases live as long as the application ----------------------------

    @Test
    void anUnnamedInMemoryDatabaseGetsANameOfItsOwnPerEngine() {
        EngineSettings first = resolve(EngineFactory.of("jdbc:h2:mem:"));
        EngineSettings second = resolve(EngineFactory.of("jdbc:h2:mem:"));

        assertThat(first.jdbcUrl()).startsWith("jdbc:h2:mem:hibernate-lite-reports-").endsWith(";DB_CLOSE_DELAY=-1");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(first.shutdownOnClose()).isTrue();
    }

    @Test
    void aNamedInMemoryDatabaseIsOneDatabaseForEveryConnectionAndEndsWithTheApplication() throws Exception {
        String url = "jdbc:h2:mem:lifetime-" + UUID.randomUUID().toString().substring(0, 8);
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.builder()
                .url(url).minSize(0).maxSize(1).build()))) {
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ignored = db.context()) {
                db.session().persist(new Note("kept"));
                db.commit();
            }
            try (Connection outside = DriverManager.getConnection(url + ";IFEXISTS=TRUE");
                 ResultSet rows = outside.createStatement().executeQuery("select count(*) from notes")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not found");
    }
}
