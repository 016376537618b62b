package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.fixtures.UnreachableDriver;
import dev.hibernatelite.fixtures.YamlConfig;
import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An engine's {@code migrations:} section: read from YAML, validated with YAML paths at startup. */
class MigrationConfigurationTest {
    @TempDir
    Path dir;

    private static String startFails(MigrationsFactory migrations) {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();
        EngineFactory engine = EngineFactory.builder().url("jdbc:h2:mem:").migrations(migrations).build();
        Throwable thrown = catchThrowable(() -> RunningBundle.start(db, Map.of("default", engine)).close());
        assertThat(thrown).isInstanceOf(EngineConfigurationException.class);
        return thrown.getMessage();
    }

    @Test
    void theSectionIsReadFromTheEnginesYaml() throws Exception {
        NotesConfig config = YamlConfig.parse("engines:\n  default:\n    url: \"jdbc:h2:mem:\"\n    migrations:\n"
                + "      locations: [classpath:db/migration/blog]\n      migrateAtStartup: true\n      table: schema_history\n");

        MigrationsFactory migrations = config.getEngines().get("default").getMigrations().orElseThrow();

        assertThat(migrations.getLocations()).contains(List.of("classpath:db/migration/blog"));
        assertThat(migrations.getMigrateAtStartup()).contains(true);
        assertThat(migrations.getTable()).contains("schema_history");
    }

    @Test
    void aLocationFlywayCannotReadIsReportedWithItsPath() {
        String message = startFails(MigrationsFactory.builder().locations(List.of("s3:bucket/migrations")).build());

        assertThat(message).contains("HL150").contains("engines.default.migrations.locations[0] 's3:bucket/migrations'")
                .contains("classpath:db/migration/default");
    }

    @Test
    void anInvalidHistoryTableIsReportedWithItsPath() {
        String message = startFails(MigrationsFactory.builder().locations(List.of("filesystem:" + dir))
                .table("schema-history; drop table users").build());

        assertThat(message).contains("HL151").contains("engines.default.migrations.table").contains("flyway_schema_history");
    }

    @Test
    void revisionsAreRefusedForADatabaseTheBundleCannotWriteDdlFor() throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "logging:\n  level: ERROR\nengines:\n  default:\n    url: " + UnreachableDriver.URL
                + "\n    driverClass: " + UnreachableDriver.class.getName()
                + "\n    properties:\n      hibernate.dialect: org.hibernate.dialect.PostgreSQLDialect\n");

        CommandRun run = CommandRun.run(NotesApp::new, "db", "revision", "add things", "--dir", dir.toString(),
                config.toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("HL316").contains("engine 'default' (jdbc:unreachable:")
                .contains("Write the migration by hand");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(config);
        }
    }

    /** The smallest application with the bundle and its commands. */
    static final class NotesApp extends Application<NotesConfig> {
        private final HibernateLite<NotesConfig> db;

        NotesApp(PrintStream out) {
            db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines).entities(Note.class)
                    .commandOutput(out).build();
        }

        @Override
        public void initialize(Bootstrap<NotesConfig> bootstrap) {
            bootstrap.addBundle(db);
        }

        @Override
        public void run(NotesConfig configuration, Environment environment) {
            throw new AssertionError("commands do not run the application");
        }
    }
}
