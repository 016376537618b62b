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

    /**
     * Makes a streaming replica of this server: a hot standby that replays everything this
     * server writes and answers read-only queries ({@code pg_is_in_recovery()} is true there). Its
     * data starts as a copy of this server's, taken while this server is briefly stopped (zonky's
     * binaries have no {@code pg_basebackup}): call it before anything else connects. This server
     * runs again when it returns; the replica is created stopped, {@link #start()} starts it.
     *
     * @return the replica, stopped
     * @throws IllegalStateException if this server is not running
     */
    public synchronized PrivatePostgres createStandby() {
        if (running == null) {
            throw new IllegalStateException("start the private PostgreSQL on port " + port
                    + " before making a replica of it");
        }
        PrivatePostgres standby = create();
        stop();
        try {
            copy(directory.resolve("data"), standby.directory.resolve("data"));
        } finally {
            start();
        }
        Path data = standby.directory.resolve("data");
        try {
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            Files.writeString(data.resolve("standby.signal"), "");
            Files.writeString(data.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + port
                    + " user=postgres application_name=standby_" + standby.port + "'\nhot_standby = on\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the replica's data in " + data, e);
        }
        return standby;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    // PostgreSQL refuses a data directory others can read
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
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
