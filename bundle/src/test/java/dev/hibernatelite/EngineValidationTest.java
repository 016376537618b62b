package dev.hibernatelite;

import dev.hibernatelite.fixtures.CapturedLogs;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Tag;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad configuration stops startup with one clear message per problem: its stable id, its YAML
 * path and the fix; every problem at once; nothing left open.
 */
class EngineValidationTest {

    /** A bundle whose entities are all bound to {@code reports}, so only that engine is needed. */
    private static HibernateLite<NotesConfig> reportsBundle() {
        return HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .noDefaultEngine()
                .entities("reports", Note.class)
                .build();
    }

    private static HibernateLite<NotesConfig> defaultBundle() {
        return HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();
    }

    private static EngineConfigurationException startFails(HibernateLite<NotesConfig> db,
                                                           Map<String, EngineFactory> engines) {
        Throwable thrown = catchThrowable(() -> RunningBundle.start(db, engines).close());
        assertThat(thrown).isInstanceOf(EngineConfigurationException.class);
        return (EngineConfigurationException) thrown;
    }

    /** The one problem reported when the {@code reports} engine is configured as given. */
    private static String theProblemWith(EngineFactory reports) {
        EngineConfigurationException e = startFails(reportsBundle(), Map.of("reports", reports));
        assertThat(e.getProblems()).hasSize(1);
        assertThat(e.getMessage()).startsWith("Invalid database configuration (1 problem):\n  * ")
                .endsWith(e.getProblems().get(0));
        return e.getProblems().get(0);
    }

    private static Map<String, EngineFactory> ordered(Object... nameThenEngine) {
        Map<String, EngineFactory> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenEngine.length; i += 2) {
            map.put((String) nameThenEngine[i], (EngineFactory) nameThenEngine[i + 1]);
        }
        return map;
    }

    private static EngineFactoryBuilder h2() {
        return EngineFactory.builder().url("jdbc:h2:mem:");
    }

    // ---- the engines map -------------------------------------------------------------------

    @Test
    void noEnginesAtAllNamesTheKeyAndShowsAnExample() {
        EngineConfigurationException e = startFails(defaultBundle(), null);

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL101: engines is missing.")
                .contains("Add it to the configuration file")
                .contains("default: jdbc:h2:./data/app");
    }

    @Test
    void anEmptyEnginesMapNamesTheKeyAndAsksForADefaultEngine() {
        EngineConfigurationException e = startFails(defaultBundle(), Map.of());

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL102: engines has no engines.")
                .contains("Add at least a default engine");
    }

    @Test
    void aMissingDefaultEngineNamesItsPathTheEnginesPresentAndBothFixes() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities("reports", Note.class)
                .build();

        EngineConfigurationException e = startFails(db, Map.of("reports", EngineFactory.of("jdbc:h2:mem:")));

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL103: engines.default is missing (engines present: reports).")
                .contains("Add a default engine")
                .contains(".noDefaultEngine()");
    }

    @Test
    void noDefaultEngineLetsTheBundleStartWithOnlyNamedEngines() throws Exception {
        HibernateLite<NotesConfig> db = reportsBundle();

        try (RunningBundle running = RunningBundle.start(db, Map.of("reports", EngineFactory.of("jdbc:h2:mem:")))) {
            assertThat(db.engines()).containsOnlyKeys("reports");
            assertThatThrownBy(db::sessionFactory)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HL204:");
        }
    }

    @Test
    void noDefaultEngineLetsTheBundleStartWithNoEngineAtAll() throws Exception {
        for (Map<String, EngineFactory> engines : java.util.Arrays.<Map<String, EngineFactory>>asList(null, Map.of())) {
            HibernateLite<NotesConfig> db = reportsBundle();
            try (RunningBundle running = RunningBundle.start(db, engines)) {
                assertThat(db.engines()).isEmpty();
            }
        }
    }

    @Test
    void theMissingDefaultEngineMessageOfANoDefaultEngineBundleNamesAnEngineAndAsksForNoDefault() throws Exception {
        HibernateLite<NotesConfig> db = reportsBundle();

        try (RunningBundle running = RunningBundle.start(db, Map.of("reports", EngineFactory.of("jdbc:h2:mem:")));
             SessionContext ctx = db.context()) {
            assertThatThrownBy(db::session)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("HL204: db.session() needs the default engine, but there is no engine named 'default'"
                            + " under engines: (engines: reports). Name the engine: db.session(\"reports\").")
                    .message().doesNotContainIgnoringCase("add a default");
        }
    }

    @Test
    void withNoEngineAtAllTheMissingDefaultEngineMessageSaysSo() throws Exception {
        HibernateLite<NotesConfig> db = reportsBundle();

        try (RunningBundle running = RunningBundle.start(db, null)) {
            assertThatThrownBy(db::engine)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HL204: db.engine() needs the default engine")
                    .hasMessageContaining("configures no engine under engines:")
                    .message().doesNotContain(".noDefaultEngine()");
        }
    }

    @Test
    void theEnginesPathInMessagesIsTheOneTheBuilderWasGiven() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines("database.engines", NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        EngineConfigurationException e = startFails(db, Map.of("default", EngineFactory.of("  ")));

        assertThat(e.getProblems()).singleElement().asString().startsWith("HL105: database.engines.default.url");
    }

    @Test
    void anEngineWithNoValueNamesItsPathAndBothForms() {
        Map<String, EngineFactory> engines = new LinkedHashMap<>();
        engines.put("reports", null);

        EngineConfigurationException e = startFails(reportsBundle(), engines);

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL104: engines.reports has no value.")
                .contains("'reports: jdbc:postgresql://host:5432/db'")
                .contains("an object with a url field");
    }

    @ParameterizedTest(name = "engine named [{0}]")
    @ValueSource(strings = {"eu.reports", "", "  "})
    void anEngineNameThatCannotBeAPathSegmentIsRejected(String name) {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        EngineConfigurationException e = startFails(db,
                ordered("default", EngineFactory.of("jdbc:h2:mem:"), name, EngineFactory.of("jdbc:h2:mem:")));

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL121: engines has an engine named '" + name + "'.")
                .contains("must not contain '.'");
    }

    // ---- the URL and the driver ------------------------------------------------------------

    @ParameterizedTest(name = "url [{0}]")
    @ValueSource(strings = {"", "   "})
    void aBlankUrlNamesTheUrlPathAndShowsExamples(String url) {
        assertThat(theProblemWith(EngineFactory.of(url)))
                .startsWith("HL105: engines.reports.url is missing or blank.")
                .contains("Set it to a JDBC URL such as jdbc:postgresql://");
    }

    @Test
    void theFullFormWithoutAUrlNamesTheUrlPath() {
        assertThat(theProblemWith(EngineFactory.builder().user("app").build()))
                .startsWith("HL105: engines.reports.url is missing or blank.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "postgres://db.example:5432/blog,    jdbc:postgresql://db.example:5432/blog",
            "postgresql://db.example/blog,       jdbc:postgresql://db.example/blog",
            "mysql://db.example/blog,            jdbc:mysql://db.example/blog",
            "mariadb://db.example/blog,          jdbc:mariadb://db.example/blog",
            "h2:./data/blog,                     jdbc:h2:./data/blog",
            "cockroach://db.example/blog,        jdbc:cockroach://db.example/blog",
    })
    void aUrlWithoutJdbcSuggestsTheJdbcFormOfTheSameDatabase(String url, String suggestion) {
        assertThat(theProblemWith(EngineFactory.of(url)))
                .startsWith("HL106: engines.reports.url '" + url + "' is not a JDBC URL:")
                .contains("it must start with 'jdbc:'")
                .contains("Did you mean '" + suggestion + "'?");
    }

    @Test
    void aUrlWithoutJdbcThatHoldsCredentialsSuggestsMovingThemToTheirFields() {
        assertThat(theProblemWith(EngineFactory.of("postgres://app:hunter2@db.example/blog")))
                .contains("Did you mean 'jdbc:postgresql://db.example/blog'?")
                .contains("Put the user and password in engines.reports.user and engines.reports.password.");
    }

    @ParameterizedTest(name = "url [{0}]")
    @ValueSource(strings = {"localhost:5432/blog", "jdbc:", "./data/blog"})
    void aUrlWithoutJdbcAndNoRecognisableSchemeMakesNoGuess(String url) {
        assertThat(theProblemWith(EngineFactory.of(url)))
                .startsWith("HL106: engines.reports.url")
                .doesNotContain("Did you mean");
    }

    @Test
    void aUrlNoDriverAcceptsAsksForTheDriverAndTheDriverClass() {
        assertThat(theProblemWith(EngineFactory.of("jdbc:nosuchdb://x")))
                .startsWith("HL107: engines.reports.url 'jdbc:nosuchdb://x': no JDBC driver on the classpath accepts"
                        + " this URL.")
                .contains("Add the database's JDBC driver to the application's dependencies and set"
                        + " engines.reports.driverClass.");
    }

    @Test
    void aUrlOfAKnownDatabaseWhoseDriverIsAbsentNamesTheArtifactToAdd() {
        assertThat(theProblemWith(EngineFactory.of("jdbc:mysql://127.0.0.1:3306/blog")))
                .startsWith("HL107: engines.reports.url 'jdbc:mysql://127.0.0.1:3306/blog': no JDBC driver")
                .contains("Add the MySQL driver (com.mysql:mysql-connector-j) to the application's dependencies");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "jdbc:postgresql://host:notaport/db, PostgreSQL driver (org.postgresql.Driver), jdbc:postgresql://host[:port]/database",
            "jdbc:postgresql://host:99999/db,    PostgreSQL driver (org.postgresql.Driver), jdbc:postgresql://host[:port]/database",
            "jdbc:mariadb://host:notaport/db,    MariaDB driver (org.mariadb.jdbc.Driver),  jdbc:mariadb://host[:port]/database",
            "jdbc:mariadb:host/db,               MariaDB driver (org.mariadb.jdbc.Driver),  jdbc:mariadb://host[:port]/database",
    })
    void aMalformedUrlForAPresentDriverSaysWhichDriverRejectsItAndTheForm(String url, String driver, String form) {
        assertThat(theProblemWith(EngineFactory.of(url)))
                .startsWith("HL108: engines.reports.url '" + url + "' is malformed: the " + driver + " rejects it.")
                .contains("The form is " + form);
    }

    @Test
    void aDriverClassThatIsNotOnTheClasspathNamesTheRightClassAndArtifact() {
        assertThat(theProblemWith(EngineFactory.builder()
                .url("jdbc:postgresql://127.0.0.1/blog").driverClass("org.postgresql.Drivr").build()))
                .startsWith("HL109: engines.reports.driverClass 'org.postgresql.Drivr' is not on the classpath.")
                .contains("the class is org.postgresql.Driver in org.postgresql:postgresql");
    }

    @Test
    void aDriverClassThatIsADataSourceSaysToNameTheDriver() {
        assertThat(theProblemWith(EngineFactory.builder()
                .url("jdbc:postgresql://127.0.0.1/blog").driverClass("org.postgresql.ds.PGSimpleDataSource").build()))
                .startsWith("HL110: engines.reports.driverClass 'org.postgresql.ds.PGSimpleDataSource' is not a"
                        + " java.sql.Driver.")
                .contains("Name the driver class");
    }

    @Test
    void aDriverClassForAnotherDatabaseSaysItDoesNotAcceptTheUrl() {
        assertThat(theProblemWith(EngineFactory.builder()
                .url("jdbc:postgresql://127.0.0.1/blog").driverClass("org.h2.Driver").build()))
                .startsWith("HL111: engines.reports.driverClass 'org.h2.Driver' does not accept the URL"
                        + " 'jdbc:postgresql://127.0.0.1/blog'.")
                .contains("Fix the URL, or name the driver for this database.");
    }

    @Test
    void aNamedDriverClassStillHasItsUrlChecked() {
        assertThat(theProblemWith(EngineFactory.builder()
                .url("jdbc:mariadb://host:notaport/db").driverClass("org.mariadb.jdbc.Driver").build()))
                .startsWith("HL108: engines.reports.url 'jdbc:mariadb://host:notaport/db' is malformed");
    }

    // ---- pool sizes and durations ----------------------------------------------------------

    @ParameterizedTest(name = "maxSize {0}")
    @ValueSource(ints = {-1, 0})
    void aMaxSizeBelowOneNamesItsPathTheMinimumAndTheDefault(int maxSize) {
        assertThat(theProblemWith(h2().maxSize(maxSize).build()))
                .isEqualTo("HL112: engines.reports.maxSize is " + maxSize + " but must be at least 1 (default 10).");
    }

    @Test
    void aNegativeMinSizeNamesItsPathTheMinimumAndTheDefault() {
        assertThat(theProblemWith(h2().minSize(-2).build()))
                .isEqualTo("HL112: engines.reports.minSize is -2 but must be at least 0 (default the same as maxSize).");
    }

    @Test
    void aMinSizeAboveMaxSizeNamesBothPathsAndHowToFixIt() {
        assertThat(theProblemWith(h2().minSize(8).maxSize(4).build()))
                .startsWith("HL113: engines.reports.minSize (8) is larger than engines.reports.maxSize (4).")
                .contains("Lower minSize or raise maxSize");
    }

    @Test
    void aMinSizeAboveTheDefaultMaxSizeIsCaught() {
        assertThat(theProblemWith(h2().minSize(11).build()))
                .startsWith("HL113: engines.reports.minSize (11) is larger than engines.reports.maxSize (10).");
    }

    static Stream<Arguments> tooShortDurations() {
        return Stream.of(
                Arguments.of("maxWaitForConnection", (UnaryOperator<EngineFactoryBuilder>)
                        b -> b.maxWaitForConnection(Duration.milliseconds(100)), "100 milliseconds", "250ms", "5 seconds"),
                Arguments.of("validationQueryTimeout", (UnaryOperator<EngineFactoryBuilder>)
                        b -> b.validationQueryTimeout(Duration.milliseconds(10)), "10 milliseconds", "250ms", "3 seconds"),
                Arguments.of("maxConnectionAge", (UnaryOperator<EngineFactoryBuilder>)
                        b -> b.maxConnectionAge(Duration.seconds(10)), "10 seconds", "30s", "30 minutes"),
                Arguments.of("minIdleTime", (UnaryOperator<EngineFactoryBuilder>)
                        b -> b.minIdleTime(Duration.seconds(1)), "1 second", "10s", "10 minutes"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("tooShortDurations")
    void aDurationBelowWhatThePoolAllowsNamesItsPathTheMinimumAndTheDefault(
            String field, UnaryOperator<EngineFactoryBuilder> set, String value, String minimum, String defaultValue) {
        assertThat(theProblemWith(set.apply(h2()).build()))
                .isEqualTo("HL114: engines.reports." + field + " is " + value + " but must be at least " + minimum
                        + " (default " + defaultValue + ").");
    }

    @Test
    void aValidationTimeoutNotBelowTheWaitNamesBothPaths() {
        assertThat(theProblemWith(h2().maxWaitForConnection(Duration.seconds(2))
                .validationQueryTimeout(Duration.seconds(2)).build()))
                .startsWith("HL115: engines.reports.validationQueryTimeout (2 seconds) must be shorter than"
                        + " engines.reports.maxWaitForConnection (2 seconds)")
                .contains("Lower the one or raise the other.");
    }

    @ParameterizedTest(name = "maxWaitForConnection {0}")
    @ValueSource(strings = {"300ms", "1s", "2s", "3s"})
    void aShortWaitAloneIsValidBecauseTheValidationDefaultFitsUnderIt(String wait) throws Exception {
        HibernateLite<NotesConfig> db = reportsBundle();

        try (RunningBundle running = RunningBundle.start(db,
                Map.of("reports", h2().maxWaitForConnection(Duration.parse(wait)).build()))) {
            assertThat(db.engines()).containsOnlyKeys("reports");
        }
    }

    // ---- entities --------------------------------------------------------------------------

    @Test
    void anEntityBoundToAMisspelledEngineSuggestsTheConfiguredOne() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("tagz", Tag.class)
                .build();

        EngineConfigurationException e = startFails(db,
                ordered("default", EngineFactory.of("jdbc:h2:mem:"), "tags", EngineFactory.of("jdbc:h2:mem:")));

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL116: entity dev.hibernatelite.testfixtures.Tag is bound to engine 'tagz', but engines has"
                        + " no such engine (known: default, tags).")
                .contains("Did you mean 'tags'?")
                .contains("Add engines.tagz to the configuration, or bind the entity to a known engine.");
    }

    @Test
    void anEntityBoundToAnEngineFarFromAnyConfiguredOneGetsNoSuggestion() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("archive", Tag.class)
                .build();

        EngineConfigurationException e = startFails(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")));

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL116: entity dev.hibernatelite.testfixtures.Tag is bound to engine 'archive'")
                .doesNotContain("Did you mean");
    }

    // ---- every problem at once -------------------------------------------------------------

    @Test
    void twoBadEnginesAreBothNamedInOneFailure() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .build();

        EngineConfigurationException e = startFails(db, ordered(
                "default", h2().maxSize(-3).build(),
                "reports", EngineFactory.of("postgres://db.example/reports")));

        assertThat(e.getProblems()).hasSize(2);
        assertThat(e.getProblems().get(0)).startsWith("HL112: engines.default.maxSize is -3");
        assertThat(e.getProblems().get(1)).startsWith("HL106: engines.reports.url");
        assertThat(e.getMessage())
                .startsWith("Invalid database configuration (2 problems):")
                .contains("\n  * HL112: engines.default.maxSize")
                .contains("\n  * HL106: engines.reports.url");
    }

    @Test
    void everyProblemOfOneEngineAndOfTheBindingsIsListed() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities("reports", Note.class)
                .entities("tagz", Tag.class)
                .build();

        EngineConfigurationException e = startFails(db, Map.of("reports", EngineFactory.builder()
                .url("jdbc:nosuchdb://x").maxSize(0).minSize(-1)
                .maxWaitForConnection(Duration.milliseconds(1)).build()));

        assertThat(e.getProblems()).extracting(p -> p.substring(0, 5))
                .containsExactly("HL103", "HL107", "HL112", "HL112", "HL114", "HL116");
        assertThat(e.getMessage()).startsWith("Invalid database configuration (6 problems):");
    }

    @Test
    void everyProblemStartsWithItsIdAndItsYamlPath() {
        EngineConfigurationException e = startFails(defaultBundle(), ordered(
                "default", EngineFactory.builder().url(" ").maxSize(-1).minSize(-1)
                        .validationQueryTimeout(Duration.milliseconds(1)).maxConnectionAge(Duration.seconds(1))
                        .minIdleTime(Duration.seconds(1)).build(),
                "reports", EngineFactory.builder().url("jdbc:postgresql://h:x/db")
                        .maxWaitForConnection(Duration.seconds(1)).validationQueryTimeout(Duration.seconds(2)).build(),
                "archive", EngineFactory.builder().url("jdbc:h2:mem:").minSize(3).maxSize(2).build(),
                "old", null));

        assertThat(e.getProblems()).hasSize(10).allSatisfy(problem ->
                assertThat(problem).matches("(?s)HL1\\d\\d: engines\\.(default|reports|archive|old)\\b.*[.?]"));
    }

    // ---- nothing left open -----------------------------------------------------------------

    @Test
    void aProblemInOneEngineStopsStartupBeforeAnyEngineOpensAPool() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .noDefaultEngine()
                .entities("firstgood", Note.class)
                .build();

        try (CapturedLogs logs = CapturedLogs.start()) {
            startFails(db, ordered("firstgood", EngineFactory.of("jdbc:h2:mem:"),
                    "secondbad", h2().maxSize(-1).build()));

            assertThat(logs.containing("hibernate-lite.firstgood")).isEmpty();
            assertThat(logs.containing("engine 'firstgood' started")).isEmpty();
        }
        assertThat(poolThreads("firstgood")).isEmpty();
    }

    @Test
    void anEngineThatFailsToBuildClosesTheEnginesStartedBeforeItAndTheirPoolThreads() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .noDefaultEngine()
                .entities("survivor", Note.class)
                .entities("broken", Tag.class)
                .build();
        List<String> startedAndClosed;

        try (CapturedLogs logs = CapturedLogs.start()) {
            EngineConfigurationException e = startFails(db, ordered(
                    "survivor", EngineFactory.of("jdbc:h2:mem:"),
                    "broken", h2().property("hibernate.dialect", "dev.hibernatelite.NoSuchDialect").build()));

            assertThat(e.getProblems()).singleElement().asString()
                    .startsWith("HL120: engines.broken: Hibernate could not start engine 'broken'")
                    .contains("NoSuchDialect")
                    .contains("Check engines.broken.properties");
            startedAndClosed = logs.texts().stream()
                    .filter(t -> t.contains("engine 'survivor' started") || t.contains("engine 'survivor' closed"))
                    .toList();
        }

        assertThat(startedAndClosed).hasSize(2);
        assertThat(startedAndClosed.get(0)).contains("engine 'survivor' started");
        assertThat(startedAndClosed.get(1)).contains("engine 'survivor' closed");
        awaitEnd(poolThreads("survivor"));
        awaitEnd(poolThreads("broken"));
        assertThat(poolThreads("survivor")).extracting(Thread::getName).isEmpty();
        assertThat(poolThreads("broken")).extracting(Thread::getName).isEmpty();
    }

    @Test
    void aRunningEnginesPoolThreadsCarryItsNameAndEndWhenItStops() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .noDefaultEngine()
                .entities("threadnames", Note.class)
                .build();

        try (RunningBundle running = RunningBundle.start(db, Map.of("threadnames", EngineFactory.of("jdbc:h2:mem:")))) {
            assertThat(poolThreads("threadnames")).isNotEmpty();
        }
        awaitEnd(poolThreads("threadnames"));
        assertThat(poolThreads("threadnames")).extracting(Thread::getName).isEmpty();
    }

    /** Waits, boundedly, for threads that were told to stop. */
    private static void awaitEnd(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /** HikariCP names its threads after the pool, which is named after the engine. */
    private static List<Thread> poolThreads(String engine) {
        String poolName = "hibernate-lite." + engine;
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(poolName)
                        && (t.getName().length() == poolName.length()
                            || !Character.isLetterOrDigit(t.getName().charAt(poolName.length()))))
                .toList();
    }

    @Test
    void anEngineThatFailsToBuildLeavesNoInMemoryDatabaseBehind() {
        String url = "jdbc:h2:mem:failed-" + UUID.randomUUID();
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .noDefaultEngine().entities("broken", Tag.class).build();
        startFails(db, Map.of("broken", EngineFactory.builder().url(url)
                .property("hibernate.dialect", "dev.hibernatelite.NoSuchDialect").build()));
        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("not found");
    }
}
