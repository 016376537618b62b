package dev.hibernatelite.example;

import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's schema ships as migrations ({@code src/main/resources/db/migration/default}); they match
 * its entities exactly, on PostgreSQL and on H2: {@code db revision} after them finds nothing to write.
 */
class BlogMigrationsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/default");

    @TempDir
    Path dir;

    private final TestDatabase postgres = TestDatabase.postgres();

    @AfterEach
    void dropDatabase() {
        postgres.close();
    }

    private Path copyOfTheMigrations() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("migrations"));
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private List<String> revisionAfterTheMigrations(String url) throws IOException {
        Path copy = copyOfTheMigrations();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "logging:\n  level: WARN\nengines:\n  default: \"" + url + "\"\n");
        CommandRun run = CommandRun.run(out -> new BlogApp(), "db", "revision", "check", "--dir", copy.toString(),
                config.toString());
        assertThat(run.failed()).as(run.toString()).isFalse();
        try (Stream<Path> files = Files.list(copy)) {
            List<String> written = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("check")).toList();
            for (String name : written) {
                assertThat(Files.readString(copy.resolve(name))).as("what db revision wrote").isEmpty();
            }
            return written;
        }
    }

    @Test
    void theMigrationsGiveWhatTheEntitiesMapOnPostgres() throws IOException {
        assertThat(revisionAfterTheMigrations(postgres.url())).isEmpty();
    }

    @Test
    void theMigrationsGiveWhatTheEntitiesMapOnH2() throws IOException {
        assertThat(revisionAfterTheMigrations("jdbc:h2:" + dir.resolve("blog"))).isEmpty();
    }
}
