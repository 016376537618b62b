package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** db.readOnlyContext() on H2: read-only Hibernate sessions without a transaction, and no commit. */
class ReadOnlyContextTest {
    private RunningBundle running;
    private HibernateLite<NotesConfig> db;
    private long id;

    @BeforeEach
    void start() {
        db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines).entities(Note.class).build();
        running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")));
        db.engine().createAll();
        try (SessionContext ctx = db.context()) {
            Note note = new Note("written");
            db.session().persist(note);
            db.commit();
            id = note.getId();
        }
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void aReadOnlyContextSeesCommittedRows() {
        try (SessionContext ctx = db.readOnlyContext()) {
            assertThat(db.session().find(Note.class, id).getText()).isEqualTo("written");
        }
    }

    @Test
    void itsSessionsAreHibernateReadOnlySessionsWithoutFlushOrTransaction() {
        try (SessionContext ctx = db.readOnlyContext()) {
            Session session = db.session();
            assertThat(session.isDefaultReadOnly()).isTrue();
            assertThat(session.getHibernateFlushMode()).isEqualTo(FlushMode.MANUAL);
            assertThat(session.getTransaction().isActive()).isFalse();
            assertThat(db.session()).isSameAs(session);
        }
    }

    @Test
    void aCommitInAReadOnlyContextIsRefusedWithHl240() {
        try (SessionContext ctx = db.readOnlyContext()) {
            db.session().persist(new Note("never"));
            assertThatThrownBy(() -> db.commit())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HL240: db.commit(): engine 'default' has a read-only session in read-only"
                            + " context opened on thread")
                    .hasMessageContaining("remove @ReadOnly");
        }
        assertThat(count("never")).isZero();
    }

    @Test
    void aChangedEntityInAReadOnlyContextIsNeverWritten() {
        try (SessionContext ctx = db.readOnlyContext()) {
            db.session().find(Note.class, id).setText("changed");
            db.rollback();
        }
        assertThat(count("changed")).isZero();
        assertThat(count("written")).isEqualTo(1);
    }

    @Test
    void aReadOnlyContextNestedInATransactionalOneIsItsOwn() {
        try (SessionContext outer = db.context()) {
            Session transactional = db.session();
            try (SessionContext inner = db.readOnlyContext()) {
                assertThat(db.session()).isNotSameAs(transactional);
                assertThat(db.session().isDefaultReadOnly()).isTrue();
            }
            assertThat(db.session()).isSameAs(transactional);
            assertThat(transactional.isDefaultReadOnly()).isFalse();
        }
    }

    private long count(String text) {
        try (SessionContext ctx = db.readOnlyContext()) {
            return db.session().createSelectionQuery("select count(n) from Note n where n.text = :text", Long.class)
                    .setParameter("text", text).getSingleResult();
        }
    }
}
