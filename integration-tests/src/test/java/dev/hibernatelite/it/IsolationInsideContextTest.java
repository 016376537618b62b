package dev.hibernatelite.it;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolation;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * flask-sqlalchemy-lite's testing order: the context opened first, the test isolation inside it,
 * closed before the context. Closing the context then finds its sessions' connection gone with
 * the isolation, which is expected: nothing is logged.
 */
class IsolationInsideContextTest extends ProbeAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = ReactiveContract.reactiveApp(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    private static HibernateLite<ProbeConfig> db() {
        return APP.<ProbeApp>getApplication().db();
    }

    @Test
    void closingAContextAfterItsIsolationLogsNoWarningAndKeepsNothing() {
        String text = unique("isolated");
        try (LogCapture logs = new LogCapture()) {
            try (SessionContext ctx = db().context()) {
                TestIsolation isolation = TestIsolation.open(db());
                db().session().persist(new Note(text));
                db().session().flush();
                isolation.close();
            }
            assertThat(logs.text()).isEmpty();
        }
        assertThat(countNotes(text)).isZero();
    }

    @Test
    void closingAContextWhoseSessionsWereOnlyOpenedAfterItsIsolationLogsNothing() {
        try (LogCapture logs = new LogCapture()) {
            try (SessionContext ctx = db().context()) {
                TestIsolation isolation = TestIsolation.open(db());
                db().session();
                isolation.close();
            }
            assertThat(logs.text()).isEmpty();
        }
    }

    @Test
    void closingAContextAfterItsIsolationLogsNothingWithAnAsyncSessionToo() {
        String text = unique("isolated-async");
        try (LogCapture logs = new LogCapture()) {
            try (SessionContext ctx = db().context()) {
                TestIsolation isolation = TestIsolation.open(db());
                db().async().session().chain(s -> s.persist(new Note(text)).chain(s::flush))
                        .await().atMost(Duration.ofSeconds(30));
                isolation.close();
            }
            assertThat(logs.text()).isEmpty();
        }
        assertThat(countNotes(text)).isZero();
    }
}
