package dev.hibernatelite.internal.migration;

import java.util.List;

/**
 * What an engine's migrations and its database's history say, without Flyway's types: what
 * {@code db info} prints and the health check reports.
 *
 * @param current the version the database is at, or null when nothing is applied
 * @param rows every migration, known from the files or from the history, in order
 * @param pending the pending ones, as {@code V2 add post title}
 * @param failed the failed ones, as {@code V2 add post title}
 */
public record MigrationStatus(String current, List<Row> rows, List<String> pending, List<String> failed) {
    /**
     * One migration.
     *
     * @param version its version, or empty for a repeatable migration
     * @param description its description
     * @param type SQL, JDBC, BASELINE...
     * @param installedOn when it was applied, or empty
     * @param state Pending, Success, Failed...
     * @param script its file name
     */
    public record Row(String version, String description, String type, String installedOn, String state,
                      String script) {
    }
}
