package dev.hibernatelite.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The statements of the fresh-database isolation, on PostgreSQL: a template made once from the
 * test database (as the migrations left it), and the test database dropped and created again
 * from it after each test ({@code CREATE DATABASE ... TEMPLATE}, a file copy: the way IntegreSQL
 * gives each test its database).
 */
final class FreshDatabases {
    /** PostgreSQL's "source database is being accessed by other users". */
    private static final String OBJECT_IN_USE = "55006";
    private static final int ATTEMPTS = 20;

    private FreshDatabases() {
    }

    static String templateOf(String database) {
        return database + "_template";
    }

    static void requirePostgres(DatabaseServer server) {
        if (!server.adminUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("A fresh database per test is made with PostgreSQL's CREATE DATABASE"
                    + " ... TEMPLATE; " + server + " is " + server.kind() + ". Use TestIsolation.open(db) (each test's"
                    + " work rolled back) there.");
        }
    }

    /** Copies the database into its template; the application's connections to it are closed first. */
    static void createTemplate(DatabaseServer server, String database) {
        execute(server, "DROP DATABASE IF EXISTS " + templateOf(database));
        copyWhenAlone(server, database, templateOf(database));
    }

    /** Replaces the database by a copy of its template. */
    static void recreate(DatabaseServer server, String database) {
        execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        copyWhenAlone(server, templateOf(database), database);
    }

    static void dropTemplate(DatabaseServer server, String database) {
        execute(server, "DROP DATABASE IF EXISTS " + templateOf(database) + " WITH (FORCE)");
    }

    /**
     * CREATE DATABASE copy TEMPLATE source needs source to have no other connection: end them, and
     * try again while a pool reconnects in between.
     */
    private static void copyWhenAlone(DatabaseServer server, String source, String copy) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = DriverManager.getConnection(server.adminUrl()); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + source
                        + "' AND pid <> pg_backend_pid()");
                st.execute("CREATE DATABASE " + copy + " TEMPLATE " + source);
                return;
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("could not copy the test database " + source + " into " + copy
                            + " on " + server + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void execute(DatabaseServer server, String sql) {
        try (Connection c = DriverManager.getConnection(server.adminUrl()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(server + " failed to run '" + sql + "': " + e.getMessage(), e);
        }
    }
}
