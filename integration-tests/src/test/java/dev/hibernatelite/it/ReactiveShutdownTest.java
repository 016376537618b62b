package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.it.support.ServerSessions;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping an application closes every async pool connection and every Vert.x thread it started. */
class ReactiveShutdownTest {
    private final TestDatabase database = TestDatabase.postgres();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private static Set<Thread> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vert.x-") && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void stoppingTheApplicationClosesItsVertxThreadsAndConnections() throws Exception {
        Set<Thread> before = vertxThreads();
        DropwizardTestSupport<ProbeConfig> app = new DropwizardTestSupport<>(ProbeApp.class,
                ResourceHelpers.resourceFilePath("reactive.yml"),
                ConfigOverride.config("engines.default.url", database.url()),
                ConfigOverride.config("asyncEngines.default.url", database.url()));
        app.before();
        ServerSessions server = new ServerSessions(database);
        try {
            assertThat(new Http(app.getLocalPort()).post("/reactive/notes?text=" + encode("before-stop"))
                    .statusCode()).isEqualTo(201);
            assertThat(vertxThreads()).as("the app's own Vert.x threads").hasSizeGreaterThan(before.size());
            assertThat(server.connections()).isPositive();
        } finally {
            app.after();
        }
        Eventually.await("the application's Vert.x threads to end", Duration.ofSeconds(10),
                () -> before.containsAll(vertxThreads()), () -> "still alive: " + vertxThreads());
        Eventually.await("no connection to the database", Duration.ofSeconds(10),
                () -> server.connections() == 0, () -> server.connections() + " connections");
    }
}
