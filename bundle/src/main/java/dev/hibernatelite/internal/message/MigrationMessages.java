package dev.hibernatelite.internal.message;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The texts of the migration messages of the {@link Message} catalogue (HL150-HL159 configuration,
 * HL310-HL329 commands, HL440-HL449 startup). Each names the engine, its database (URL masked by the
 * caller's header, or here) and the fix.
 *
 * <p>Internal: not part of the public API.
 */
public final class MigrationMessages {
    private static final String REVISION = " (`db revision \"create tables\" --engine ";

    private MigrationMessages() {
    }

    // ---- HL15x: configuration ------------------------------------------------------------

    public static String locationInvalid(String locationPath, String location, String engine) {
        return Message.MIGRATION_LOCATION_INVALID.format(locationPath + " '" + location + "' is not a location the bundle"
                + " reads migrations from: write classpath:<folder> (in the application's jar, for example"
                + " classpath:db/migration/" + engine + ") or filesystem:<path>.");
    }

    public static String tableInvalid(String tablePath, String table) {
        return Message.MIGRATION_TABLE_INVALID.format(tablePath + " '" + table + "' is not a valid table name: use"
                + " letters, digits and underscores, starting with a letter or an underscore (default"
                + " flyway_schema_history).");
    }

    public static String locationMissing(String path, String location, Object sourceFolder) {
        return Message.MIGRATION_LOCATION_MISSING.format(path + ": the migrations location " + location
                + " does not exist. Create " + sourceFolder + " with the engine's first migration (V1__create_tables.sql;"
                + " db revision writes it), or fix the location.");
    }

    public static String flywayDatabaseMissing(String engine, String path, String database, String artifact) {
        return Message.FLYWAY_DATABASE_MISSING.format("engine '" + engine + "' has migrations (" + path + "), but"
                + " Flyway's support for " + database + " is not on the class path. Add " + artifact + ":"
                + Versions.FLYWAY + " to the application's dependencies.");
    }

    // ---- HL31x-HL32x: commands -----------------------------------------------------------

    /**
     * @param header {@code engine 'name' (masked URL): }
     * @param transactionalDdl whether the database rolled the failed migration back whole
     */
    public static String migrationFailed(String header, String script, int line, String statement, String error,
                                         boolean transactionalDdl) {
        String where = line > 0 ? " at line " + line : "";
        String stmt = statement == null || statement.isBlank() ? "" : " Statement: " + statement.strip() + ".";
        String after = transactionalDdl
                ? " The database runs DDL in transactions: nothing of " + script + " remains and no failure is"
                    + " recorded. Fix the file and run db migrate again."
                : " This database commits each DDL statement: what " + script + " did before the failing statement"
                    + " stays, and the history records it as failed. Undo that part by hand (or make the migration"
                    + " safe to run again), fix the file, run db repair (which removes the failed entry), then db migrate.";
        return Message.MIGRATION_FAILED.format(header + "migration " + script + " failed" + where + ": " + error + "."
                + stmt + after);
    }

    public static String migrationsInvalid(String header, Collection<String> problems) {
        return Message.MIGRATIONS_INVALID.format(header + "the migrations do not match the database's history: "
                + String.join("; ", problems) + ". An applied migration must not change: restore the file as it was"
                + " applied and put the change in a new migration (db revision). If the edit is deliberate and"
                + " harmless (a comment, formatting), run db repair to record the files' new checksums.");
    }

    public static String noMigrations(String header, String location, Object sourceFolder, String path) {
        return Message.NO_MIGRATIONS.format(header + "the engine has no migrations: " + location + " does not exist."
                + " Create " + sourceFolder + " with a first migration (db revision writes one), or set " + path
                + ".locations.");
    }

    public static String duplicateVersion(String header, String version, Collection<String> files) {
        return Message.DUPLICATE_MIGRATION_VERSION.format(header + "several migrations have version " + version + ": "
                + String.join(", ", new TreeSet<>(files)) + ". Each version must be unique: give one of them the"
                + " next free version. Nothing was applied.");
    }

    public static String revisionFolderMissing(String engine, Object folder) {
        return Message.REVISION_FOLDER_MISSING.format("db revision writes engine '" + engine + "''s migrations into its"
                + " folder in the source tree, " + folder + ", which does not exist. Run the command from the project's"
                + " directory (the one holding src/), name the folder with --dir, or create it.");
    }

    public static String revisionNeedsScratch(String header, Collection<String> pending, String cause) {
        return Message.REVISION_NEEDS_SCRATCH_DATABASE.format(header + pending.size() + " migrations are pending ("
                + String.join(", ", pending) + "). The revision is computed on the schema they make, by applying them"
                + " to a scratch database on the same server, which could not be created: " + cause + ". Run db"
                + " migrate first, or let this user create databases.");
    }

    public static String revisionUnsupported(String header, String database) {
        return Message.REVISION_UNSUPPORTED_DATABASE.format(header + "db revision writes DDL for PostgreSQL, MariaDB,"
                + " MySQL and H2 databases; this one is " + database + ". Write the migration by hand (Flyway's"
                + " V<version>__<description>.sql in the engine's folder).");
    }

    public static String commandFailed(String header, String command, String cause) {
        return Message.MIGRATION_COMMAND_FAILED.format(header + command + " failed: " + cause + ".");
    }

    public static String revisionMessageInvalid(String message) {
        return Message.REVISION_MESSAGE_INVALID.format("the revision's description '" + message + "' has no letter or"
                + " digit: describe the change, for example db revision \"add post title\".");
    }

    public static String noEngineHasMigrations(Collection<String> engines) {
        return Message.NO_ENGINE_HAS_MIGRATIONS.format("no engine has migrations (engines: " + String.join(", ",
                new TreeSet<>(engines)) + "): none has a migrations: section and none's default folder exists"
                + " (classpath:db/migration/<engine>, that is src/main/resources/db/migration/<engine>). Create it"
                + REVISION + "NAME` writes the first migration).");
    }

    // ---- HL44x: startup ------------------------------------------------------------------

    public static String startupMigrationFailed(String header, String cause) {
        return Message.STARTUP_MIGRATION_FAILED.format(header + "migrating at startup failed, so the application does"
                + " not start: " + cause);
    }

    public static String pendingAtStartup(String header, Collection<String> pending, String path) {
        return Message.PENDING_MIGRATIONS_AT_STARTUP.format(header + pending.size() + " migrations are pending ("
                + String.join(", ", pending) + ") and " + path + ".migrateAtStartup is off. The application starts;"
                + " the engine's migrations health check reports them until they are applied. Run db migrate, or set "
                + path + ".migrateAtStartup: true.");
    }
}
