package dev.hibernatelite.testing;

import dev.hibernatelite.testfixtures.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test databases whose schema is made when they are created: by migrations, or as db create does. */
class PreparedTestDatabaseTest {
    @RegisterExtension
    static final TestDatabase MIGRATED = TestDatabase.postgres().migratedFrom("classpath:db/migration/testing-notes");

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void aMigratedDatabaseHasItsMigrationsAppliedOncePerTestClass() throws SQLException {
        assertThat(query(MIGRATED.url(), "select version from flyway_schema_history")).containsExactly("1");
        assertThat(query(MIGRATED.url(), "select count(*) from notes")).containsExactly("0");
    }

    @Test
    void anotherTestOfTheClassFindsTheSameMigratedDatabase() throws SQLException {
        assertThat(query(MIGRATED.url(), "select count(*) from flyway_schema_history")).containsExactly("1");
    }

    @Test
    void aDatabaseWithTheTablesOfEntitiesHasThemAndNoMigrationHistory() throws SQLException {
        try (TestDatabase created = TestDatabase.postgres().withTablesOf(Note.class)) {
            assertThat(query(created.url(), "select count(*) from notes")).containsExactly("0");
            assertThat(query(created.url(), "select count(*) from information_schema.tables"
                    + " where table_name = 'flyway_schema_history'")).containsExactly("0");
        }
    }
}
