package dev.hibernatelite.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The last resort of the resolver: a real PostgreSQL from Maven Central's binaries. */
class EmbeddedPostgresTest {
    @Test
    void theEmbeddedPostgresIsARealPostgresThatGivesFreshDatabases() throws Exception {
        DatabaseServer server = DatabaseServer.embeddedPostgres();
        assertThat(server.source()).contains("embedded PostgreSQL");
        TestDatabase database = server.createDatabase();
        try (Connection c = DriverManager.getConnection(database.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL ");
            assertThat(rs.getString(2)).isEqualTo(database.name());
        } finally {
            database.close();
        }
    }
}
