package dev.hibernatelite;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Tag;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session API outside requests, on H2: contexts, laziness, commit and rollback. */
class SessionContextTest {
    private RunningBundle running;
    private HibernateLite<NotesConfig> db;

    @BeforeEach
    void start() {
        db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("tags", Tag.class)
                .build();
        running = RunningBundle.start(db, Map.of(
                "default", EngineFactory.of("jdbc:h2:mem:"),
                "tags", EngineFactory.of("jdbc:h2:mem:")));
        db.engines().values().forEach(Engine::createAll);
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    private long countNotes() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult();
        }
    }

    @Test
    void sessionOutsideAContextExplainsHowToOpenOne() {
        assertThatThrownBy(() -> db.session())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HL201")
                .hasMessageContaining("db.context()");
    }

    @Test
    void theSameSessionIsReturnedWithinOneContext() {
        try (SessionContext ctx = db.context()) {
            assertThat(db.session()).isSameAs(db.session()).isSameAs(ctx.session());
        }
    }

    @Test
    void eachEngineHasItsOwnSessionInAContext() {
        try (SessionContext ctx = db.context()) {
            assertThat(db.session("tags")).isNotSameAs(db.session());
            assertThat(db.session("default")).isSameAs(db.session());
        }
    }

    @Test
    void committedWorkIsVisibleAfterTheContextEnds() {
        try (SessionContext ctx = db.context()) {
            db.session().persist(new Note("kept"));
            db.commit();
        }
        assertThat(countNotes()).isEqualTo(1);
    }

    @Test
    void uncommittedWorkIsRolledBackWhenTheContextEnds() {
        try (SessionContext ctx = db.context()) {
            db.session().persist(new Note("lost"));
            db.session().flush();
        }
        assertThat(countNotes()).isZero();
    }

    @Test
    void aNewTransactionBeginsAfterACommit() {
        try (SessionContext ctx = db.context()) {
            db.session().persist(new Note("first"));
            db.commit();
            db.session().persist(new Note("second"));
            db.commit();
        }
        assertThat(countNotes()).isEqualTo(2);
    }

    @Test
    void rollbackDiscardsPendingWorkAndClearsTheSession() {
        try (SessionContext ctx = db.context()) {
            Note note = new Note("discarded");
            db.session().persist(note);
            db.rollback();
            assertThat(db.session().contains(note)).isFalse();
            db.commit();
        }
        assertThat(countNotes()).isZero();
    }

    @Test
    void aFailedCommitDiscardsTheSessionAndTheNextCallOpensAFreshOne() {
        try (SessionContext ctx = db.context()) {
            db.session().persist(new Note("twin"));
            db.session().persist(new Note("other"));
            db.commit();
            Session broken = db.session();
            broken.createSelectionQuery("from Note where text = 'other'", Note.class).getSingleResult().setText("twin");
            assertThatThrownBy(db::commit).isInstanceOf(org.hibernate.exception.ConstraintViolationException.class);
            assertThat(broken.isOpen()).isFalse();
            Session fresh = db.session();
            assertThat(fresh).isNotSameAs(broken);
            fresh.persist(new Note("third"));
            db.commit();
        }
        assertThat(countNotes()).isEqualTo(3);
    }

    @Test
    void contextsNestAndTheOuterOneIsCurrentAgainAfterTheInnerCloses() {
        try (SessionContext outer = db.context()) {
            Session outerSession = db.session();
            try (SessionContext inner = db.context()) {
                assertThat(db.session()).isNotSameAs(outerSession);
            }
            assertThat(db.session()).isSameAs(outerSession);
        }
    }

    @Test
    void aClosedContextRefusesToOpenSessions() {
        SessionContext ctx = db.context();
        ctx.close();
        assertThatThrownBy(ctx::session)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HL202");
        assertThatThrownBy(() -> db.session()).hasMessageContaining("HL201");
    }

    @Test
    void aContextCanBeUsedFromAnotherThread() throws Exception {
        try (SessionContext ctx = db.context()) {
            CompletableFuture.runAsync(() -> {
                ctx.session().persist(new Note("async"));
                ctx.commit();
            }).get(10, TimeUnit.SECONDS);
        }
        assertThat(countNotes()).isEqualTo(1);
    }

    @Test
    void anUnknownEngineIsNamedWithTheKnownOnesAndASuggestion() {
        try (SessionContext ctx = db.context()) {
            assertThatThrownBy(() -> db.session("tagz"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HL203")
                    .hasMessageContaining("known: default, tags")
                    .hasMessageContaining("Did you mean 'tags'?");
        }
    }

    @Test
    void enginesListsEveryEngineInConfigurationOrder() throws Exception {
        HibernateLite<NotesConfig> ordered = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .noDefaultEngine().entities("tags", Tag.class).build();
        Map<String, EngineFactory> engines = new LinkedHashMap<>();
        engines.put("tags", EngineFactory.of("jdbc:h2:mem:"));
        engines.put("archive", EngineFactory.of("jdbc:h2:mem:"));
        engines.put("metrics", EngineFactory.of("jdbc:h2:mem:"));
        try (RunningBundle started = RunningBundle.start(ordered, engines)) {
            assertThat(ordered.engines().keySet()).containsExactly("tags", "archive", "metrics");
            assertThat(ordered.engines().get("tags").sessionFactory()).isSameAs(ordered.sessionFactory("tags"));
        }
    }

    @Test
    void anInMemoryH2DatabaseIsSharedByEveryPooledConnection() {
        try (SessionContext ctx = db.context()) {
            db.session().persist(new Note("seen"));
            db.commit();
        }
        // a second, independent session gets another pooled connection and must see the row
        try (Session a = db.sessionFactory().openSession(); Session b = db.sessionFactory().openSession()) {
            a.beginTransaction();
            b.beginTransaction();
            assertThat(a.createSelectionQuery("from Note", Note.class).getResultList()).hasSize(1);
            assertThat(b.createSelectionQuery("from Note", Note.class).getResultList()).hasSize(1);
        }
    }

    @Test
    void callsAfterTheApplicationStoppedSayItStopped() throws Exception {
        running.close();
        assertThatThrownBy(() -> db.context()).hasMessageContaining("HL206");
    }
}
