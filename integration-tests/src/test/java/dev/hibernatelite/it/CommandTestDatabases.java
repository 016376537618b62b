package dev.hibernatelite.it;

import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two fresh PostgreSQL databases per test, one for each engine of the {@code CommandApp}
 * ({@code default} maps Note, {@code tags} maps Tag), and a configuration file naming them.
 */
abstract class CommandTestDatabases {
    @TempDir
    Path dir;

    final TestDatabase main = TestDatabase.postgres();
    final TestDatabase tags = TestDatabase.postgres();

    @AfterEach
    void dropDatabases() {
        main.close();
        tags.close();
    }

    /** @return the path of a configuration file whose {@code engines:} section is {@code engines} */
    String config(String engines) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, "logging:\n  level: WARN\nengines:\n" + engines);
        return file.toString();
    }

    /** @return a configuration with {@code default} on the main database and {@code tags} at {@code tagsUrl} */
    String configWithTagsAt(String tagsUrl) throws IOException {
        return config("  default: \"" + main.url() + "\"\n  tags: \"" + tagsUrl + "\"\n");
    }

    /** @return a configuration with each engine on its own database */
    String twoEngines() throws IOException {
        return configWithTagsAt(tags.url());
    }

    /** @return the tables in the database's public schema */
    static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
