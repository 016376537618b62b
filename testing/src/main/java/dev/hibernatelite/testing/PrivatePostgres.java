package dev.hibernatelite.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own that the test may stop and start, for fault tests: what the
 * application does when its database goes away under it and comes back. It runs zonky's binaries
 * from Maven Central (those of the embedded PostgreSQL), so it needs no PostgreSQL on the machine;
 * its data (and the server's log, {@code postgres.log}) live in a temporary directory and its port
 * stays the same across stops. Created stopped; {@link #close()} stops it and deletes its data.
 *
 * <pre>{@code
 * try (PrivatePostgres postgres = PrivatePostgres.create()) {
 *     postgres.start();
 *     // start the application on postgres.url(), then:
 *     postgres.stop();   // clients see their connections cut and new ones refused
 *     postgres.start();  // the same data, on the same port
 * }
 * }</pre>
 */
public final class PrivatePostgres implements AutoCloseable {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private EmbeddedPostgres running;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * @return a new cluster, stopped; its data directory is created on the first {@link #start()}
     */
    public static PrivatePostgres create() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new PrivatePostgres(Files.createTempDirectory("hibernate-lite-pg"), socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JDBC URL of the cluster's {@code postgres} database, as superuser {@code postgres} */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server (initialising its data on the first start) and waits until it answers. */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("the private PostgreSQL on port " + port + " is already running");
        }
        try {
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile());
            running = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false).setPort(port).setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(log).setErrorRedirector(log).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the private PostgreSQL on port " + port + " did not start", e);
        }
    }

    /** Stops the server at once (fast shutdown): open connections are cut, like a crash as clients see it. */
    public synchronized void stop() {
        if (running == null) {
            throw new IllegalStateException("the private PostgreSQL on port " + port + " is not running");
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    /** Stops the server if it runs and deletes its data. */
    @Override
    public synchronized void close() {
        try {
            if (running != null) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory left behind is not worth failing a test for
            }
        }
    }
}
