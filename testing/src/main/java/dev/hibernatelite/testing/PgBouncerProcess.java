package dev.hibernatelite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PgBouncer of a test's own, in transaction pooling mode, in front of a PostgreSQL test
 * server: what many application instances use to share one database. It runs the machine's
 * {@code pgbouncer} (Debian: {@code apt-get install pgbouncer}); {@link #installed()} says
 * whether there is one. It listens on a free port of 127.0.0.1 and trusts every client, like the
 * test servers; as root it runs as the user {@code postgres} or {@code nobody}, since PgBouncer
 * refuses to run as root. {@link #close()} stops it and deletes its files.
 */
public final class PgBouncerProcess implements AutoCloseable {
    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)(\\?.*)?$");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(20);

    private final Path directory;
    private final Process process;
    private final int port;
    private final String database;
    private final String query;

    private PgBouncerProcess(Path directory, Process process, int port, String database, String query) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.database = database;
        this.query = query;
    }

    /** @return the machine's pgbouncer, if it has one */
    public static Optional<Path> installed() {
        for (String candidate : List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts PgBouncer in transaction pooling mode in front of a test database.
     *
     * @param target the database's JDBC URL ({@code jdbc:postgresql://host:port/db?user=...})
     * @return the running PgBouncer
     * @throws IllegalStateException if the machine has no pgbouncer, or it did not start (its log is in the message)
     */
    public static PgBouncerProcess start(String target) {
        Path binary = installed().orElseThrow(() -> new IllegalStateException("no pgbouncer on this machine:"
                + " install it (Debian: apt-get install pgbouncer) to run the tests that go through PgBouncer"));
        Matcher url = SERVER.matcher(target);
        if (!url.matches()) {
            throw new IllegalStateException("not a host:port PostgreSQL URL: " + DatabaseServer.mask(target));
        }
        try {
            Path directory = Files.createTempDirectory("hibernate-lite-pgbouncer");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path ini = directory.resolve("pgbouncer.ini");
            Files.writeString(ini, String.join("\n",
                    "[databases]",
                    "* = host=" + url.group(1) + " port=" + url.group(2) + " user=postgres",
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = any",
                    "pool_mode = transaction",
                    "max_client_conn = 500",
                    "default_pool_size = 10",
                    // pgjdbc sends it at connection start; PgBouncer has no use for it
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + directory.resolve("pgbouncer.log"),
                    "pidfile = " + directory.resolve("pgbouncer.pid"),
                    ""));
            Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
            ProcessBuilder command = "root".equals(System.getProperty("user.name"))
                    ? new ProcessBuilder(binary.toString(), "-u", runAs(), ini.toString())
                    : new ProcessBuilder(binary.toString(), ini.toString());
            Process process = command.redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
            PgBouncerProcess bouncer = new PgBouncerProcess(directory, process, port, url.group(3),
                    url.group(4) == null ? "" : url.group(4));
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start pgbouncer", e);
        }
    }

    private static String runAs() {
        try {
            Process id = new ProcessBuilder("id", "-u", "postgres").start();
            return id.waitFor() == 0 ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "nobody";
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        close();
        throw new IllegalStateException("pgbouncer did not listen on port " + port + " within " + STARTUP_WAIT + ": "
                + log());
    }

    /** @return what PgBouncer logged so far */
    public String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("stdout.log", "pgbouncer.log")) {
            try {
                Path file = directory.resolve(name);
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            } catch (IOException ignored) {
                // nothing to add
            }
        }
        return text.toString();
    }

    /** @return the JDBC URL of the target database through PgBouncer */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + query;
    }

    /** Stops PgBouncer and deletes its files. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test for
        }
    }
}
