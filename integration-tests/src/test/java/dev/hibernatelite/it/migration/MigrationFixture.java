package dev.hibernatelite.it.migration;

import dev.hibernatelite.it.app.MigrationApp;
import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database per test, a migrations folder of the test's own (a {@code filesystem:} location,
 * so that each test writes the files it needs) and the {@code CommandApp} ({@code default} maps Note)
 * configured with both.
 */
abstract class MigrationFixture {
    @TempDir
    Path dir;

    Path migrations;
    final TestDatabase database;

    MigrationFixture() {
        this(TestDatabase.postgres());
    }

    MigrationFixture(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void makeFolder() throws IOException {
        migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration/default"));
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    /** Writes a migration file into the folder. */
    void migration(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    /** @return a configuration whose default engine migrates from the folder, plus {@code extra} YAML under it */
    String config(String extra) throws IOException {
        return config(database.url(), extra);
    }

    String config(String url, String extra) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, "logging:\n  level: WARN\nengines:\n  default:\n    url: \"" + url + "\"\n"
                + "    migrations:\n      locations: [\"filesystem:" + migrations + "\"]\n" + extra);
        return file.toString();
    }

    String config() throws IOException {
        return config("");
    }

    static CommandRun db(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "db";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return CommandRun.run(MigrationApp::new, command);
    }

    /** @return the versions recorded as applied successfully, in order */
    List<String> applied() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version, success from flyway_schema_history order by installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " failed"));
            }
        }
        return versions;
    }

    /** @return the tables of the database (PostgreSQL's public schema, or MariaDB's database) */
    List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url());
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        java.util.Collections.sort(names);
        return names;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
