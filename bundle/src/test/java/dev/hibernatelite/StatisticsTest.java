package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's statistics count what the metrics publish, and keep nothing per entity or per query. */
class StatisticsTest {
    @Test
    void theCountersTheMetricsPublishCountAndNothingIsKeptPerName() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();
        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")))) {
            db.engine().createAll();
            Statistics statistics = db.sessionFactory().getStatistics();
            long id;
            try (SessionContext ctx = db.context()) {
                Note note = new Note("counted");
                db.session().persist(note);
                db.commit();
                id = note.getId();
            }
            try (SessionContext ctx = db.context()) {
                db.session().createSelectionQuery("from Note", Note.class).getResultList();
                db.session().find(Note.class, id);
            }

            assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
            assertThat(statistics.getQueryExecutionCount()).isEqualTo(1);
            assertThat(statistics.getEntityLoadCount()).isEqualTo(1);
            assertThat(statistics.getSuccessfulTransactionCount()).isGreaterThanOrEqualTo(1);
            assertThat(statistics.getSessionOpenCount()).isEqualTo(statistics.getSessionCloseCount());
            assertThat(statistics.getEntityStatistics(Note.class.getName())).isNull();
            assertThat(statistics.getQueries()).isEmpty();
        }
    }
}
