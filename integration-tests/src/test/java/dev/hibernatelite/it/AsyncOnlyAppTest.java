package dev.hibernatelite.it;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application with only async engines (an asyncEngines: default and no engines: at all) starts and works. */
class AsyncOnlyAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("async-only.yml"),
            ConfigOverride.config("asyncEngines.default.url", POSTGRES::url));

    private static HibernateLite<ProbeConfig> db() {
        return APP.<ProbeApp>getApplication().db();
    }

    @Test
    void itStartsWithNoSyncEngineAndItsAsyncSessionsWork() {
        assertThat(db().engines()).isEmpty();
        String text = "async-only-" + System.nanoTime();

        try (SessionContext ctx = db().context()) {
            Note found = db().async().session()
                    .chain(s -> s.withTransaction(tx -> s.persist(new Note(text)))
                            .chain(() -> s.createSelectionQuery("from Note where text = :text", Note.class)
                                    .setParameter("text", text).getSingleResult()))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(found.getText()).isEqualTo(text);
        }
    }

    @Test
    void aSyncCallSaysTheDefaultEngineIsAnAsyncOne() {
        try (SessionContext ctx = db().context()) {
            assertThatThrownBy(() -> db().session())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("HL204: db.session() needs the default engine, but there is no engine named 'default'"
                            + " under engines: (engines: none). The default engine is an async engine: use"
                            + " db.async().session() or db.async().sessionFactory().");
        }
    }
}
