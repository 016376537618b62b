package dev.hibernatelite.internal.config;

import dev.hibernatelite.MigrationsFactory;
import dev.hibernatelite.internal.message.MigrationMessages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates an engine's {@code migrations:} section (or its absence) into {@link MigrationSettings}:
 * locations Flyway can read that exist, a valid history table name, and Flyway's support for the
 * engine's database on the class path.
 *
 * <p>Internal: not part of the public API.
 */
public final class MigrationSettingsResolver {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private MigrationSettingsResolver() {
    }

    /**
     * @param enginePath the engine's YAML path ({@code engines.default})
     * @param engine the engine's name
     * @param factory the section as written, or null
     * @param vendor the engine's database
     * @param problems where problems are added
     * @return the settings (meaningful only when no problem was added)
     */
    public static MigrationSettings resolve(String enginePath, String engine, MigrationsFactory factory,
                                            DatabaseVendor vendor, List<String> problems) {
        String path = enginePath + ".migrations";
        boolean written = factory != null;
        List<String> locations = new ArrayList<>();
        List<String> asWritten = written ? factory.getLocations().orElse(null) : null;
        if (asWritten == null || asWritten.isEmpty()) {
            locations.add(MigrationSettings.defaultLocation(engine));
        } else {
            for (int i = 0; i < asWritten.size(); i++) {
                String location = asWritten.get(i) == null ? "" : asWritten.get(i).trim();
                String locationPath = path + ".locations[" + i + "]";
                if (location.isEmpty() || !(location.startsWith("classpath:") || location.startsWith("filesystem:"))
                        || location.endsWith(":")) {
                    problems.add(MigrationMessages.locationInvalid(locationPath, location, engine));
                } else {
                    locations.add(location);
                }
            }
        }
        String table = written ? factory.getTable().orElse(MigrationsFactory.DEFAULT_TABLE)
                : MigrationsFactory.DEFAULT_TABLE;
        if (!TABLE.matcher(table).matches()) {
            problems.add(MigrationMessages.tableInvalid(path + ".table", table));
        }
        boolean atStartup = written && factory.getMigrateAtStartup().orElse(false);
        boolean enabled = written || exists(locations.get(0));
        if (written) {
            for (int i = 0; i < locations.size(); i++) {
                if (!exists(locations.get(i))) {
                    problems.add(MigrationMessages.locationMissing(
                            asWritten == null || asWritten.isEmpty() ? path : path + ".locations[" + i + "]",
                            locations.get(i), sourceFolderOf(locations.get(i))));
                }
            }
        }
        if (enabled) {
            FlywaySupport support = FlywaySupport.of(vendor);
            if (support != null && !support.present()) {
                problems.add(MigrationMessages.flywayDatabaseMissing(engine, path, vendor.displayName(),
                        support.artifact()));
            }
        }
        return new MigrationSettings(path, List.copyOf(locations), enabled, atStartup, table);
    }

    /**
     * @param location a Flyway location
     * @return whether it names an existing folder (on the class path, or on disk)
     */
    public static boolean exists(String location) {
        if (location.startsWith("filesystem:")) {
            return Files.isDirectory(Path.of(location.substring("filesystem:".length())));
        }
        String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        folder = folder.startsWith("/") ? folder.substring(1) : folder;
        return classLoader().getResource(folder) != null || classLoader().getResource(folder + "/") != null;
    }

    /**
     * Where a location's files are in a project's source tree: {@code classpath:db/migration/default}
     * is {@code src/main/resources/db/migration/default}, a {@code filesystem:} location is itself.
     *
     * @param location a Flyway location
     * @return the folder, relative to the project's directory unless the location is absolute
     */
    public static Path sourceFolderOf(String location) {
        if (location.startsWith("filesystem:")) {
            return Path.of(location.substring("filesystem:".length()));
        }
        String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        return Path.of("src", "main", "resources").resolve(folder.startsWith("/") ? folder.substring(1) : folder);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MigrationSettingsResolver.class.getClassLoader();
    }

    /** Flyway's module for a database, when it is not in flyway-core. */
    private record FlywaySupport(String className, String artifact) {
        static FlywaySupport of(DatabaseVendor vendor) {
            return switch (vendor) {
                case POSTGRESQL -> new FlywaySupport("org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                        "org.flywaydb:flyway-database-postgresql");
                case MARIADB, MYSQL -> new FlywaySupport("org.flywaydb.database.mysql.MySQLDatabaseType",
                        "org.flywaydb:flyway-mysql");
                default -> null;
            };
        }

        boolean present() {
            try {
                Class.forName(className, false, classLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
