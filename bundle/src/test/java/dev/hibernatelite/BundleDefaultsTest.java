package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testfixtures.Tag;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bundle-wide defaults (flask-sqlalchemy-lite's engine and session options) under each engine's
 * own, and the {@code org.hibernate.} settings that go to Hibernate.
 */
class BundleDefaultsTest {

    private static HibernateLiteBuilder<NotesConfig> twoEngines() {
        return HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("tags", Tag.class);
    }

    private static Map<String, EngineFactory> h2(String tagsProperty, String tagsValue) {
        return Map.of("default", EngineFactory.of("jdbc:h2:mem:"),
                "tags", EngineFactory.builder().url("jdbc:h2:mem:").property(tagsProperty, tagsValue).build());
    }

    @Test
    void defaultPropertiesReachEveryEngineAndAnEnginesOwnPropertyWins() throws Exception {
        HibernateLite<NotesConfig> db = twoEngines()
                .defaultProperties(Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, "25", "hibernate.default_batch_fetch_size", "8"))
                .build();

        try (RunningBundle running = RunningBundle.start(db, h2(AvailableSettings.STATEMENT_BATCH_SIZE, "40"))) {
            assertThat(db.sessionFactory().getProperties())
                    .containsEntry(AvailableSettings.STATEMENT_BATCH_SIZE, "25")
                    .containsEntry("hibernate.default_batch_fetch_size", "8");
            assertThat(db.sessionFactory("tags").getProperties())
                    .containsEntry(AvailableSettings.STATEMENT_BATCH_SIZE, "40")
                    .containsEntry("hibernate.default_batch_fetch_size", "8");
        }
    }

    @Test
    void defaultDriverPropertiesGoToTheDriverUnderTheEnginesOwn() {
        List<String> problems = new ArrayList<>();
        Map<String, EngineSettings> settings = new EngineSettingsResolver("engines",
                Map.of("ApplicationName", "bundle-wide", "connectTimeout", "5"))
                .resolve(Map.of("reports", EngineFactory.builder().url("jdbc:postgresql://db.example/reports")
                        .property("ApplicationName", "reports").build()), false, problems);

        assertThat(problems).isEmpty();
        assertThat(settings.get("reports").driverProperties())
                .containsEntry("ApplicationName", "reports")
                .containsEntry("connectTimeout", "5");
    }

    @Test
    void settingsStartingWithOrgHibernateGoToHibernateNotToTheDriver() {
        List<String> problems = new ArrayList<>();
        EngineSettings settings = new EngineSettingsResolver("engines").resolve(Map.of("reports",
                EngineFactory.builder().url("jdbc:h2:mem:").property("org.hibernate.flushMode", "COMMIT").build()),
                false, problems).get("reports");

        assertThat(problems).isEmpty();
        assertThat(settings.hibernateProperties()).containsEntry("org.hibernate.flushMode", "COMMIT");
        assertThat(settings.driverProperties()).doesNotContainKey("org.hibernate.flushMode");
    }

    @Test
    void anOrgHibernateSettingTakesEffectInTheEnginesSessions() throws Exception {
        HibernateLite<NotesConfig> db = twoEngines().build();

        try (RunningBundle running = RunningBundle.start(db, h2("org.hibernate.flushMode", "COMMIT"));
             SessionContext ctx = db.context()) {
            assertThat(db.session("tags").getHibernateFlushMode()).isEqualTo(FlushMode.COMMIT);
            assertThat(db.session().getHibernateFlushMode()).isEqualTo(FlushMode.AUTO);
        }
    }

    @Test
    void sessionOptionsSetUpEveryEnginesSessionsAndAnEnginesOwnOptionsWin() throws Exception {
        HibernateLite<NotesConfig> db = twoEngines()
                .sessionOptions(SessionOptions.defaults().flushMode(FlushMode.COMMIT).jdbcBatchSize(30).fetchBatchSize(16))
                .sessionOptions("tags", SessionOptions.defaults().cacheMode(CacheMode.IGNORE).jdbcBatchSize(5))
                .build();

        try (RunningBundle running = RunningBundle.start(db, h2("hibernate.show_sql", "false"));
             SessionContext ctx = db.context()) {
            Session main = db.session();
            Session tags = db.session("tags");
            assertThat(main.getHibernateFlushMode()).isEqualTo(FlushMode.COMMIT);
            assertThat(main.getJdbcBatchSize()).isEqualTo(30);
            assertThat(main.getFetchBatchSize()).isEqualTo(16);
            assertThat(main.getCacheMode()).isEqualTo(CacheMode.NORMAL);
            assertThat(tags.getHibernateFlushMode()).isEqualTo(FlushMode.COMMIT);
            assertThat(tags.getJdbcBatchSize()).isEqualTo(5);
            assertThat(tags.getCacheMode()).isEqualTo(CacheMode.IGNORE);
        }
    }

    @Test
    void readOnlySessionsNeverFlushWhateverTheSessionOptionsSay() throws Exception {
        HibernateLite<NotesConfig> db = twoEngines()
                .sessionOptions(SessionOptions.defaults().flushMode(FlushMode.ALWAYS))
                .build();

        try (RunningBundle running = RunningBundle.start(db, h2("hibernate.show_sql", "false"));
             SessionContext ctx = db.readOnlyContext()) {
            assertThat(db.session().getHibernateFlushMode()).isEqualTo(FlushMode.MANUAL);
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefusedWhereItIsWritten() {
        assertThatThrownBy(() -> SessionOptions.defaults().jdbcBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcBatchSize must be at least 1");
    }
}
