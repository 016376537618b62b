package dev.hibernatelite.internal.config;

import java.util.List;

/**
 * One engine's schema migrations after validation.
 *
 * @param yamlPath the YAML path of the section ({@code engines.default.migrations}), for messages
 * @param locations where the migrations are, Flyway's form ({@code classpath:db/migration/default})
 * @param enabled whether the engine has migrations: its section is written, or its default location exists
 * @param migrateAtStartup whether the application applies pending migrations when it starts
 * @param table the history table's name
 */
public record MigrationSettings(String yamlPath, List<String> locations, boolean enabled, boolean migrateAtStartup,
                                String table) {
    /** The folder, under the class path, where an engine's migrations are unless its YAML says otherwise. */
    public static final String DEFAULT_FOLDER = "db/migration/";

    /**
     * @param engine an engine's name
     * @return its default location, {@code classpath:db/migration/<engine>}
     */
    public static String defaultLocation(String engine) {
        return "classpath:" + DEFAULT_FOLDER + engine;
    }
}
