package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resources that finish on another thread (CompletionStage, @Suspended): the request's context
 * follows the request, not the thread, and nothing leaks whichever way they end.
 */
class AsyncRequestsTest extends ProbeAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void aCompletionStageUsesTheRequestsCapturedContextOnAnotherThread() {
        String text = unique("staged");
        String created = http().post("/notes/committed?text=" + encode(text)).body();
        String id = created.replaceAll("\\D+", "");
        HttpResponse<String> response = http().get("/async/notes/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(text);
    }

    @Test
    void dbSessionOnAThreadWithoutAContextFailsWithAMessageSayingWhatToDo() {
        try (LogCapture logs = new LogCapture()) {
            assertThat(http().get("/async/without-context").statusCode()).isEqualTo(500);
            assertThat(logs.text()).contains("HL201").contains("db.currentContext()");
        }
    }

    @Test
    void commitOnSuccessCommitsWhenTheCompletionStageCompletes() {
        assertThat(notesAfterPosting("/async/notes", 200)).isEqualTo(1);
    }

    @Test
    void aSuspendedResourceCommitsFromItsBackgroundThread() {
        assertThat(notesAfterPosting("/suspended/notes", 201)).isEqualTo(1);
    }

    @Test
    void aSuspendedResourceThatFailsRollsBackAndReturnsItsConnection() {
        assertThat(notesAfterPosting("/suspended/fail", 500)).isZero();
    }
}
