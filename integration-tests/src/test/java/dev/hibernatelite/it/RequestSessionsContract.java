package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request contract: each request is a context, with one session, opened lazily, closed
 * after the response. Subclasses run it on a database: PostgreSQL directly, through PgBouncer.
 */
abstract class RequestSessionsContract extends ProbeAppTest {
    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long createCommitted(String text) {
        HttpResponse<String> response = http().post("/notes/committed?text=" + encode(text));
        assertThat(response.statusCode()).isEqualTo(200);
        return number(response.body(), "id");
    }

    @Test
    void aRequestThatNeverTouchesTheDatabaseBorrowsNoConnection() {
        long before = pool().borrows();
        for (int i = 0; i < 20; i++) {
            assertThat(http().get("/plain").statusCode()).isEqualTo(200);
        }
        assertThat(pool().borrows()).isEqualTo(before);
    }

    @Test
    void aRequestThatQueriesBorrowsAConnection() {
        long before = pool().borrows();
        assertThat(http().get("/notes").statusCode()).isEqualTo(200);
        assertThat(pool().borrows()).isGreaterThan(before);
    }

    @Test
    void oneSessionServesTheWholeRequestFromTheRequestFilterOn() {
        String body = http().get("/session-identity", "X-Count-Notes", "yes").body();
        assertThat(number(body, "first")).isEqualTo(number(body, "second")).isEqualTo(number(body, "filter"));
        assertThat(number(body, "count")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void eachRequestGetsItsOwnSession() {
        long first = number(http().get("/session-identity").body(), "first");
        long second = number(http().get("/session-identity").body(), "first");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void workARequestDoesNotCommitIsRolledBackWhenTheRequestEnds() {
        assertThat(notesAfterPosting("/notes/uncommitted", 200)).isZero();
    }

    @Test
    void anExplicitCommitPersistsTheRequestsWork() {
        assertThat(notesAfterPosting("/notes/committed", 200)).isEqualTo(1);
    }

    @Test
    void commitOnSuccessCommitsWhenTheMethodReturns() {
        assertThat(notesAfterPosting("/notes/annotated", 200)).isEqualTo(1);
    }

    @Test
    void commitOnSuccessRollsBackWhenTheMethodThrows() {
        assertThat(notesAfterPosting("/notes/annotated-then-conflict", 409)).isZero();
    }

    @Test
    void commitOnSuccessTurnsACommitThatFailsIntoAnErrorResponse() {
        String taken = unique("taken");
        String original = unique("original");
        createCommitted(taken);
        long id = createCommitted(original);
        HttpResponse<String> response = http().post("/notes/" + id + "/rename?to=" + encode(taken));
        // the commit breaks the unique constraint: the bundle's 409, in Dropwizard's JSON error shape
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).as("Dropwizard's JSON error, not a container error page").contains("\"code\":409");
        assertThat(countNotes(original)).isEqualTo(1);
    }

    @Test
    void getOr404AnswersNotFoundForAMissingRow() {
        assertThat(http().get("/notes/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void getOr404ReturnsAnExistingRow() {
        String text = unique("found");
        long id = createCommitted(text);
        assertThat(http().get("/notes/" + id).body()).contains(text);
    }

    @Test
    void aResourceThatFailsAfterQueryingReturnsItsConnection() {
        assertThat(http().get("/throws").statusCode()).isEqualTo(500);
        pool().awaitIdle();
        assertThat(pool().active()).isZero();
    }
}
