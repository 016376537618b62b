package dev.hibernatelite.it;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolation;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The async twins of the 404 helpers (flask-sqlalchemy-lite's {@code get_or_abort} and
 * {@code one_or_abort}), and the async engine's pool for SQL written by hand, on PostgreSQL.
 */
class AsyncParityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = ReactiveContract.reactiveApp(POSTGRES);

    private static HibernateLite<ProbeConfig> db() {
        return APP.<ProbeApp>getApplication().db();
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static long committed(String text) {
        try (SessionContext ctx = db().context()) {
            Note note = new Note(text);
            db().session().persist(note);
            db().commit();
            return note.getId();
        }
    }

    private static long count(String text) throws Exception {
        RowSet<Row> rows = db().async().pool().preparedQuery("select count(*) from notes where text = $1")
                .execute(Tuple.of(text)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return rows.iterator().next().getLong(0);
    }

    @Test
    void getOr404FindsTheRowOnTheEngineTheEntityIsBoundTo() {
        String text = unique("found");
        long id = committed(text);

        try (SessionContext ctx = db().context()) {
            assertThat(await(db().async().getOr404(Note.class, id)).getText()).isEqualTo(text);
        }
    }

    @Test
    void getOr404FailsWithA404CarryingTheMessage() {
        try (SessionContext ctx = db().context()) {
            assertThatThrownBy(() -> await(db().async().getOr404(Note.class, -1L)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> await(db().async().getOr404(Note.class, -1L, "No note -1")))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((NotFoundException) e).getResponse().getStatus()).isEqualTo(404))
                    .hasMessage("No note -1");
        }
    }

    @Test
    void oneOr404GivesTheOneResultAndA404ForNoneOrMoreThanOne() {
        String one = unique("one");
        String two = unique("two");
        committed(one);
        committed(two + "-a");
        committed(two + "-b");

        try (SessionContext ctx = db().context()) {
            String hql = "from Note where text like :text";
            assertThat(await(db().async().session().chain(s -> db().async().oneOr404(
                    s.createSelectionQuery(hql, Note.class).setParameter("text", one)))).getText()).isEqualTo(one);
            assertThatThrownBy(() -> await(db().async().session().chain(s -> db().async().oneOr404(
                    s.createSelectionQuery(hql, Note.class).setParameter("text", unique("none"))))))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> await(db().async().session().chain(s -> db().async().oneOr404(
                    s.createSelectionQuery(hql, Note.class).setParameter("text", two + "%"), "ambiguous"))))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("ambiguous");
        }
    }

    @Test
    void thePoolRunsSqlOnTheAsyncEnginesDatabase() throws Exception {
        String text = unique("by-hand");
        committed(text);

        assertThat(count(text)).isEqualTo(1);
    }

    @Test
    void underTestIsolationThePoolsConnectionsAreTheIsolations() throws Exception {
        String text = unique("isolated-by-hand");
        try (TestIsolation isolation = TestIsolation.open(db())) {
            db().async().pool().withTransaction(connection -> connection
                    .preparedQuery("insert into notes (text) values ($1)")
                    .execute(Tuple.of(text))).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            long seen = db().async().pool().withConnection(connection -> connection
                    .preparedQuery("select count(*) from notes where text = $1").execute(Tuple.of(text)))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next().getLong(0);
            assertThat(seen).isEqualTo(1);
        }
        assertThat(count(text)).isZero();
    }
}
