package dev.hibernatelite.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A PostgreSQL that a test stops and starts: refused while down, its data kept across restarts. */
class PrivatePostgresTest {
    @Test
    void aStoppedClusterRefusesConnectionsAndComesBackWithItsDataOnTheSamePort() throws SQLException {
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.url()).close())
                    .as("created stopped").isInstanceOf(SQLException.class);

            postgres.start();
            try (Connection c = DriverManager.getConnection(postgres.url()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int)");
                st.execute("INSERT INTO kept VALUES (7)");
            }
            Connection open = DriverManager.getConnection(postgres.url());
            postgres.stop();
            assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).as("open connections are cut")
                    .isInstanceOf(SQLException.class);
            open.close();
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.url()).close())
                    .isInstanceOf(SQLException.class);

            postgres.start();
            try (Connection c = DriverManager.getConnection(postgres.url()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }
}
