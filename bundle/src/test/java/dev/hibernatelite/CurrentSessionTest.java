package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testfixtures.Tag;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.context.internal.ManagedSessionContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sessionFactory.getCurrentSession()}: what dropwizard-hibernate's AbstractDAO calls. */
class CurrentSessionTest {

    private static RunningBundle start() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("tags", Tag.class)
                .build();
        return RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:"),
                "tags", EngineFactory.of("jdbc:h2:mem:")));
    }

    @Test
    void theCurrentSessionIsTheContextsSessionOfTheFactorysEngine() throws Exception {
        try (RunningBundle running = start(); SessionContext ctx = running.db().context()) {
            HibernateLite<NotesConfig> db = running.db();
            assertThat(db.sessionFactory().getCurrentSession()).isSameAs(db.session());
            assertThat(db.sessionFactory("tags").getCurrentSession()).isSameAs(db.session("tags"));
            assertThat(db.sessionFactory().getCurrentSession().getTransaction().isActive()).isTrue();
        }
    }

    @Test
    void outsideAContextTheCurrentSessionSaysHowToOpenOne() throws Exception {
        try (RunningBundle running = start()) {
            assertThatThrownBy(() -> running.db().sessionFactory("tags").getCurrentSession())
                    .isInstanceOf(HibernateException.class)
                    .hasMessageStartingWith("HL160: sessionFactory.getCurrentSession() on engine 'tags' was called"
                            + " outside a database context")
                    .hasMessageContaining("db.context()")
                    .hasMessageContaining("UnitOfWorkAwareProxyFactory(\"tags\", db.sessionFactory(\"tags\"))");
        }
    }

    @Test
    void aSessionBoundWithManagedSessionContextComesFirst() throws Exception {
        try (RunningBundle running = start(); SessionContext ctx = running.db().context()) {
            SessionFactory factory = running.db().sessionFactory();
            try (Session own = factory.openSession()) {
                ManagedSessionContext.bind(own);
                try {
                    assertThat(factory.getCurrentSession()).isSameAs(own);
                } finally {
                    ManagedSessionContext.unbind(factory);
                }
            }
            assertThat(factory.getCurrentSession()).isSameAs(running.db().session());
        }
    }

    @Test
    void afterTheApplicationStoppedTheFactoryServesNoContexts() throws Exception {
        SessionFactory factory;
        try (RunningBundle running = start()) {
            factory = running.db().sessionFactory("tags");
        }

        assertThatThrownBy(factory::getCurrentSession)
                .isInstanceOf(HibernateException.class)
                .hasMessageStartingWith("HL166:")
                .hasMessageContaining("engine 'tags'");
    }
}
