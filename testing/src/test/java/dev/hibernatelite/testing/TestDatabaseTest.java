package dev.hibernatelite.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDatabaseTest {
    private static boolean exists(DatabaseServer server, String name) throws SQLException {
        String sql = server.kind().equals("PostgreSQL")
                ? "SELECT 1 FROM pg_database WHERE datname = '" + name + "'"
                : "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + name + "'";
        try (Connection c = DriverManager.getConnection(server.adminUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    @Test
    void aPostgresTestDatabaseIsCreatedOnFirstUseAndDroppedOnClose() throws SQLException {
        TestDatabase db = TestDatabase.postgres();
        String url = db.url();
        String name = db.name();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(name);
        }
        db.close();
        assertThat(exists(db.server(), name)).isFalse();
    }

    @Test
    void aMariaDbTestDatabaseIsCreatedOnFirstUseAndDroppedOnClose() throws SQLException {
        TestDatabase db = TestDatabase.mariadb();
        String name = db.name();
        assertThat(exists(db.server(), name)).isTrue();
        try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(name);
        }
        db.close();
        assertThat(exists(db.server(), name)).isFalse();
    }

    @Test
    void closingAPostgresDatabaseForcesOpenConnectionsOff() throws SQLException {
        TestDatabase db = TestDatabase.postgres();
        String name = db.name();
        try (Connection open = DriverManager.getConnection(db.url())) {
            db.close();
            assertThat(exists(db.server(), name)).isFalse();
            assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void twoTestDatabasesAreDistinct() {
        TestDatabase a = TestDatabase.postgres();
        TestDatabase b = TestDatabase.postgres();
        try (a; b) {
            assertThat(a.name()).isNotEqualTo(b.name());
        }
    }

    @Test
    void masksPasswordsInUrls() {
        assertThat(DatabaseServer.mask("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
        assertThat(DatabaseServer.mask("jdbc:mariadb://u:s3cret@h/db")).isEqualTo("jdbc:mariadb://u:****@h/db");
    }

    @Test
    void aServerUrlWithoutADatabaseIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> new DatabaseServerProbe("jdbc:postgresql:test").urlFor("x"))
                .hasMessageContaining("jdbc:<db>://host:port/database");
    }

    /** Builds a server from a URL without touching the environment. */
    private static final class DatabaseServerProbe {
        private final DatabaseServer server;

        DatabaseServerProbe(String url) {
            this.server = DatabaseServerFactory.of("PostgreSQL", url);
        }

        String urlFor(String name) {
            return server.urlFor(name);
        }
    }
}
