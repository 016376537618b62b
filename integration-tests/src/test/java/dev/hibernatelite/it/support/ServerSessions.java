package dev.hibernatelite.it.support;

import dev.hibernatelite.testfixtures.Eventually;
import dev.hibernatelite.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What PostgreSQL itself says about the connections to one test database: the server's view of
 * leaks, independent of any pool's own bookkeeping. Reads from the server's admin database.
 */
public final class ServerSessions {
    private final TestDatabase database;

    public ServerSessions(TestDatabase database) {
        this.database = database;
    }

    /** @return connections to the database whose state is the given one ({@code active}, {@code idle in transaction}) */
    public int inState(String state) {
        return count("state = ?", state);
    }

    /** @return every connection to the database */
    public int connections() {
        return count("true", null);
    }

    /** Waits (bounded) until no connection to the database is running a statement or sits in a transaction. */
    public void awaitQuiet() {
        Eventually.await("no connection active or idle in transaction", Duration.ofSeconds(10),
                () -> inState("active") == 0 && inState("idle in transaction") == 0,
                () -> "active=" + inState("active") + ", idle in transaction=" + inState("idle in transaction"));
    }

    private int count(String condition, String parameter) {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() AND "
                + condition;
        try (Connection c = DriverManager.getConnection(database.server().adminUrl());
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, database.name());
            if (parameter != null) {
                st.setString(2, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
