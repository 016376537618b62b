package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** @ReadOnly requests on PostgreSQL: no transaction, a connection the database holds read-only, nothing written. */
class ReadOnlyRequestsTest extends ProbeAppTest {
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

    private long committedNote(String text) {
        String body = http().post("/notes/committed?text=" + encode(text)).body();
        return Long.parseLong(body.replaceAll("\\D+", ""));
    }

    @Test
    void aReadOnlyRouteReadsWhatWasCommitted() {
        String text = unique("listed");
        long id = committedNote(text);

        assertThat(http().get("/read-only/notes").body()).contains(text);
        assertThat(http().get("/read-only/notes/" + id).body()).contains(text);
        assertThat(http().get("/read-only/notes/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void itsStatementsRunOnAConnectionTheDatabaseHoldsReadOnly() {
        assertThat(http().get("/read-only/server").body()).contains("\"readOnly\":\"on\"");
    }

    @Test
    void aCommitInAReadOnlyRequestIsRefusedAndNothingIsWritten() {
        String text = unique("refused");
        HttpResponse<String> response = http().post("/read-only/notes/persist-and-commit?text=" + encode(text));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(countNotes(text)).isZero();
    }

    @Test
    void anInsertSentOverTheConnectionIsRefusedByTheDatabaseItself() {
        String text = unique("jdbc");
        HttpResponse<String> response = http().post("/read-only/notes/jdbc-insert?text=" + encode(text));

        // 25006: read_only_sql_transaction; and the connection is in auto-commit: no transaction around it
        assertThat(response.body()).contains("\"sqlState\":\"25006\"").contains("\"autoCommit\":true");
        assertThat(countNotes(text)).isZero();
    }

    @Test
    void anEntityChangedInAReadOnlyRequestIsNotWritten() {
        String text = unique("kept");
        long id = committedNote(text);

        HttpResponse<String> response = http().post("/read-only/notes/" + id + "/change-loaded?text=changed-" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(countNotes(text)).isEqualTo(1);
        assertThat(countNotes("changed-" + id)).isZero();
    }
}
