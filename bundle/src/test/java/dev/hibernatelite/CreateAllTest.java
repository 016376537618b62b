package dev.hibernatelite;

import dev.hibernatelite.fixtures.Account;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** createAll() on H2: creates what is missing, only that, and can run again. */
class CreateAllTest {
    private static HibernateLite<NotesConfig> bundle() {
        return HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class, Account.class).build();
    }

    @Test
    void createsATableNamedLikeOneInH2sInformationSchema() throws Exception {
        HibernateLite<NotesConfig> db = bundle();
        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")))) {
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ctx = db.context()) {
                db.session().persist(new Account("ada"));
                db.commit();
                assertThat(db.session().createSelectionQuery("select count(a) from Account a", Long.class)
                        .getSingleResult()).isEqualTo(1);
            }
        }
    }

    @Test
    void runningItTwiceCreatesNothingTheSecondTimeAndKeepsTheRows() throws Exception {
        HibernateLite<NotesConfig> db = bundle();
        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")))) {
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ctx = db.context()) {
                db.session().persist(new Note("kept"));
                db.commit();
            }
            db.engines().values().forEach(Engine::createAll);
            try (SessionContext ctx = db.context()) {
                assertThat(db.session().createSelectionQuery("from Note", Note.class).getResultList()).hasSize(1);
            }
        }
    }
}
