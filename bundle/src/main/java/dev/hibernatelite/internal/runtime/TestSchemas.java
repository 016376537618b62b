package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
import dev.hibernatelite.internal.config.MigrationSettings;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.migration.FlywayMigrator;
import dev.hibernatelite.internal.migration.MigrationTarget;
import dev.hibernatelite.internal.schema.SchemaTasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the testing artifact prepares a fresh test database before the application starts: by
 * applying an engine's migrations, or by creating its entities' missing tables ({@code db create}).
 *
 * <p>Internal: not part of the public API.
 */
public final class TestSchemas {
    private static final String PATH = "TestDatabase";

    private TestSchemas() {
    }

    /**
     * @param url the test database's JDBC URL (credentials in it)
     * @param locations where the migrations are ({@code classpath:db/migration/default})
     * @return the migrations applied, as {@code V1 blog tables}
     * @throws RuntimeException naming the failed migration, its file and line
     */
    public static List<String> migrate(String url, List<String> locations) {
        List<String> problems = new ArrayList<>();
        Map<String, EngineSettings> resolved = new EngineSettingsResolver(PATH)
                .resolve(Map.of("test", EngineFactory.of(url)), false, problems);
        if (!problems.isEmpty()) {
            throw new EngineConfigurationException(problems);
        }
        MigrationTarget target = MigrationTarget.of(resolved.get("test"));
        MigrationTarget withLocations = new MigrationTarget(target.name(), false, target.jdbcUrl(), target.maskedUrl(),
                target.vendor(), target.driverClass(), target.user(), target.password(), target.driverProperties(),
                new MigrationSettings(PATH + ".migrations", List.copyOf(locations), true, false,
                        target.migrations().table()));
        return FlywayMigrator.of(withLocations).migrate().applied();
    }

    /**
     * @param url the test database's JDBC URL
     * @param entities the entities whose tables to create
     * @return the tables created
     */
    public static List<String> createTables(String url, List<Class<?>> entities) {
        List<String> problems = new ArrayList<>();
        Map<String, EngineSettings> resolved = new EngineSettingsResolver(PATH)
                .resolve(Map.of("test", EngineFactory.builder().url(url).maxSize(1).build()), false, problems);
        if (!problems.isEmpty()) {
            throw new EngineConfigurationException(problems);
        }
        try (SyncEngine engine = SyncEngine.start(resolved.get("test"), entities, null)) {
            return SchemaTasks.createMissing(engine).missing();
        }
    }
}
