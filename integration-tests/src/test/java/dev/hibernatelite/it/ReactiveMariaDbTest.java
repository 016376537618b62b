package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Async sessions on real MariaDB, through the Vert.x MySQL client ({@code mariadb://} URLs). */
class ReactiveMariaDbTest extends ReactiveContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase MARIADB = TestDatabase.mariadb();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = reactiveApp(MARIADB);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Override
    int serverConnections() {
        try (Connection c = DriverManager.getConnection(MARIADB.server().adminUrl());
             PreparedStatement st = c.prepareStatement(
                     "SELECT count(*) FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()")) {
            st.setString(1, MARIADB.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
