package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.PgWireCounter;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a read-only request costs on the wire, read by a relay in front of PostgreSQL: its query,
 * and no BEGIN, COMMIT or ROLLBACK, where a transactional read wraps its query in both.
 */
class ReadOnlyOnTheWireTest extends ProbeAppTest {
    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$");

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private static PgWireCounter relay;

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = new DropwizardAppExtension<>(ProbeApp.class,
            ResourceHelpers.resourceFilePath("probe.yml"), ConfigOverride.config("engines.default.url",
            ReadOnlyOnTheWireTest::throughTheRelay));

    private static String throughTheRelay() {
        Matcher url = SERVER.matcher(POSTGRES.url());
        assertThat(url.matches()).as("a host:port PostgreSQL URL: %s", POSTGRES).isTrue();
        try {
            relay = new PgWireCounter(url.group(1), Integer.parseInt(url.group(2)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + relay.port() + url.group(3);
    }

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    /**
     * What one request sent, counted in a window in which no pool opened a connection: a pool
     * filling up in the background sends its own setup statements (pgjdbc's SET application_name,
     * right after it connects) through the same relay. The same request is sent once first, so a
     * connection opened just before has sent its setup by the time the counting starts; a window
     * in which the number of connections changed is measured again.
     */
    private Map<String, Long> statementsOf(String path) {
        for (int attempt = 1; ; attempt++) {
            int sessionsBefore = relay.sessions();
            assertThat(http().get(path).statusCode()).isEqualTo(200);
            pool().awaitIdle();
            relay.reset();
            assertThat(http().get(path).statusCode()).isEqualTo(200);
            pool().awaitIdle();
            Map<String, Long> executed = new java.util.TreeMap<>(relay.counts().executedByText());
            if (relay.sessions() == sessionsBefore || attempt == 5) {
                assertThat(relay.sessions()).as("no connection opened in 5 windows: %s", executed)
                        .isEqualTo(sessionsBefore);
                executed.remove("");  // the pool's connection check, when a connection was idle for a while
                // pgjdbc's own setup of a connection the pool opened, never a statement of a request
                executed.keySet().removeIf(sql -> sql.startsWith("SET application_name = "));
                return executed;
            }
        }
    }

    @Test
    void aReadOnlyRequestSendsItsQueryAndNoTransactionControl() {
        long id = Long.parseLong(http().post("/notes/committed?text=" + encode(unique("wire"))).body()
                .replaceAll("\\D+", ""));
        http().get("/read-only/notes/" + id);

        Map<String, Long> readOnly = statementsOf("/read-only/notes/" + id);

        assertThat(readOnly.keySet()).noneMatch(sql -> sql.matches("(?i)\\s*(BEGIN|COMMIT|ROLLBACK)\\b.*"));
        assertThat(readOnly.values().stream().mapToLong(Long::longValue).sum()).as("%s", readOnly).isEqualTo(1);
    }

    @Test
    void aTransactionalReadWrapsItsQueryInBeginAndRollback() {
        long id = Long.parseLong(http().post("/notes/committed?text=" + encode(unique("wire"))).body()
                .replaceAll("\\D+", ""));

        Map<String, Long> transactional = statementsOf("/notes/" + id);

        assertThat(transactional).containsEntry("BEGIN", 1L).containsEntry("ROLLBACK", 1L);
    }
}
