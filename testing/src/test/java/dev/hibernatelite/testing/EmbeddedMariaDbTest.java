package dev.hibernatelite.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The last resort of the MariaDB resolver: a real MariaDB from Maven Central's binaries, one per JVM. */
class EmbeddedMariaDbTest {
    @Test
    void theEmbeddedMariaDbIsARealMariaDbThatGivesFreshDatabases() throws Exception {
        DatabaseServer server = DatabaseServer.embeddedMariaDb();
        assertThat(server.source()).contains("embedded MariaDB");
        assertThat(DatabaseServer.embeddedMariaDb()).as("one per JVM").isSameAs(server);
        TestDatabase database = server.createDatabase();
        try (Connection c = DriverManager.getConnection(database.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION(), DATABASE(), @@character_set_database")) {
            rs.next();
            assertThat(rs.getString(1)).contains("MariaDB");
            assertThat(rs.getString(2)).isEqualTo(database.name());
            assertThat(rs.getString(3)).as("4-byte characters fit in the tables it creates").isEqualTo("utf8mb4");
        } finally {
            database.close();
        }
    }

    @Test
    void itChecksPasswordsLikeAnyServer() {
        String url = DatabaseServer.embeddedMariaDb().urlFor("mysql").replace("user=root", "user=nobody&password=wrong");
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }
}
