package dev.hibernatelite.it;

import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.testing.TestIsolation;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Tag;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test isolation on real PostgreSQL: each test's work, HTTP requests' commits included, is
 * undone after it. The tests run in order, because each checks what the previous one did.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestIsolationTest extends ProbeAppTest {
    private static final String COMMITTED_OVER_HTTP = unique("committed-over-http");
    private static final String EXISTING = unique("existing");
    private static long existingId;

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(POSTGRES);

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<ProbeApp>getApplication().db());

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Override
    int connectionsHeldBetweenRequests() {
        return 1;
    }

    /** A row committed for real, before any isolation. */
    @BeforeAll
    static void aRowExistsBeforeTheTests() {
        HibernateLite<ProbeConfig> db = APP.<ProbeApp>getApplication().db();
        try (SessionContext ctx = db.context()) {
            Note note = new Note(EXISTING);
            db.session().persist(note);
            db.commit();
            existingId = note.getId();
        }
    }

    @Test
    @Order(1)
    void aTestCommitsARowThroughAnHttpCall() {
        assertThat(http().post("/notes/committed?text=" + encode(COMMITTED_OVER_HTTP)).statusCode()).isEqualTo(200);
        assertThat(countNotes(COMMITTED_OVER_HTTP)).as("visible within the test").isEqualTo(1);
    }

    @Test
    @Order(2)
    void theRowCommittedInThePreviousTestIsGone() {
        assertThat(countNotes(COMMITTED_OVER_HTTP)).isZero();
    }

    @Test
    @Order(3)
    void aTestDeletesARowThatExistedBeforeIt() {
        assertThat(http().post("/notes/" + existingId + "/delete").statusCode()).isEqualTo(200);
        assertThat(countNotes(EXISTING)).as("deleted within the test").isZero();
    }

    @Test
    @Order(4)
    void theRowDeletedInThePreviousTestIsBack() {
        assertThat(countNotes(EXISTING)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aFailedCommitInsideTheIsolationLeavesItUsable() {
        String text = unique("twice");
        assertThat(http().post("/notes/committed?text=" + encode(text)).statusCode()).isEqualTo(200);
        // the unique constraint refuses the second: 409, since the bundle maps constraint violations
        assertThat(http().post("/notes/committed?text=" + encode(text)).statusCode()).isEqualTo(409);
        assertThat(countNotes(text)).isEqualTo(1);
        assertThat(http().get("/notes").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void isolationHoldsForEveryEngineAtOnce() throws Exception {
        TestDatabase tags = TestDatabase.postgres();
        HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder().engines(ProbeConfig::getEngines)
                .entities(Note.class).entities("tags", Tag.class).build();
        Environment environment = start(db, Map.of("default", EngineFactory.of(POSTGRES.url()),
                "tags", EngineFactory.of(tags.url())));
        try {
            db.engine("tags").createAll();
            try (TestIsolation isolated = TestIsolation.open(db)) {
                try (SessionContext ctx = db.context()) {
                    db.session().persist(new Note("two-engines"));
                    db.session("tags").persist(new Tag("two-engines"));
                    db.commit();
                    db.commit("tags");
                }
            }
            try (SessionContext ctx = db.context()) {
                assertThat(db.session().createSelectionQuery("from Note where text = 'two-engines'", Note.class)
                        .getResultList()).isEmpty();
                assertThat(db.session("tags").createSelectionQuery("from Tag", Tag.class).getResultList()).isEmpty();
            }
        } finally {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
            tags.close();
        }
    }

    @Test
    @Order(7)
    void aSecondIsolationWhileTheFirstIsOpenIsRefused() {
        assertThatThrownBy(() -> TestIsolation.open(APP.<ProbeApp>getApplication().db()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HL209: engine 'default' is already in a test isolation.");
        assertThat(http().get("/notes").statusCode()).as("the first isolation still serves").isEqualTo(200);
    }

    @Test
    @Order(8)
    void aThreadWaitingLongerThanTheWaitBoundForTheIsolatedConnectionIsToldWhy() throws Exception {
        HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder().engines(ProbeConfig::getEngines)
                .entities(Note.class).build();
        Environment environment = start(db, Map.of("default", EngineFactory.builder().url(POSTGRES.url())
                .maxWaitForConnection(io.dropwizard.util.Duration.milliseconds(500)).build()));
        try (TestIsolation isolated = TestIsolation.open(db); SessionContext holder = db.context()) {
            // the open transaction holds the isolation's one connection until this context ends
            db.session().createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult();

            Throwable failure = CompletableFuture.supplyAsync(() -> {
                try (SessionContext other = db.context()) {
                    return db.session().createSelectionQuery("select count(n) from Note n", Long.class)
                            .getSingleResult();
                }
            }).handle((count, e) -> e).get(30, TimeUnit.SECONDS);

            assertThat(failure).isNotNull().hasStackTraceContaining("HL210: engine 'default' is in a test isolation,"
                    + " which serves one connection, and another thread held it for more than 500 ms.");
        } finally {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
        }
    }

    private static Environment start(HibernateLite<ProbeConfig> db, Map<String, EngineFactory> engines)
            throws Exception {
        ProbeConfig config = new ProbeConfig();
        Field field = ProbeConfig.class.getDeclaredField("engines");
        field.setAccessible(true);
        field.set(config, engines);
        Environment environment = new Environment("isolation");
        db.run(config, environment);
        for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
            managed.start();
        }
        return environment;
    }
}
