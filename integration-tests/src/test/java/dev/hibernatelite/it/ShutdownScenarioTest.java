package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.it.support.Scenario;
import dev.hibernatelite.it.support.ServerSessions;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application, in a JVM of its own with a sync and an async engine, is told to stop (SIGTERM)
 * while requests hold connections: the requests finish, every pool and Vert.x thread closes, the
 * JVM exits, and the database sees no connection left.
 */
@ExtendWith(Scenario.class)
class ShutdownScenarioTest {
    @TempDir
    Path dir;

    private final TestDatabase database = TestDatabase.postgres();
    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        database.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void stoppingWhileRequestsAreInFlightFinishesThemAndExits() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  applicationConnectors: [{type: http, port: " + port + "}]",
                "  adminConnectors: [{type: http, port: " + adminPort + "}]",
                "  shutdownGracePeriod: 20s",
                "logging:",
                "  level: WARN",
                "  loggers: {dev.hibernatelite: INFO}",
                "engines:",
                "  default: \"" + database.url() + "\"",
                "asyncEngines:",
                "  default: \"" + database.url() + "\"",
                ""));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProbeApp.class.getName(), "server", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile())
                .start();
        Http http = new Http(port);
        Eventually.await("the application to answer", Duration.ofSeconds(60), () -> answers(http),
                () -> log());

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> http.post("/notes/after-sleep?seconds=3&text=in-flight-"
                    + System.nanoTime())));
        }
        ServerSessions server = new ServerSessions(database);
        Eventually.await("three requests to be running in the database", Duration.ofSeconds(20),
                () -> server.inState("active") >= 3, () -> "active=" + server.inState("active"));

        process.destroy();

        for (CompletableFuture<HttpResponse<String>> request : inFlight) {
            assertThat(request.get(30, TimeUnit.SECONDS).statusCode()).as("an in-flight request finishes").isEqualTo(200);
        }
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("the JVM exits; log:\n%s", log()).isTrue();
        Eventually.await("no connection left to the database", Duration.ofSeconds(10),
                () -> server.connections() == 0, () -> server.connections() + " connections");
        assertThat(log()).contains("engine 'default' closed").contains("async engine 'default' closed");
    }

    private static boolean answers(Http http) {
        try {
            return http.get("/plain").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String log() {
        try {
            File file = dir.resolve("app.log").toFile();
            return file.exists() ? Files.readString(file.toPath()) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
