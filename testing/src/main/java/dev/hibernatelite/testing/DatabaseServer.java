package dev.hibernatelite.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A real database server that tests may create databases on: PostgreSQL or MariaDB/MySQL,
 * reached through an administrative JDBC URL. Tests never share a database: each gets a fresh
 * one from {@link #createDatabase()}, dropped when it closes.
 */
public final class DatabaseServer {
    /** Environment variable naming the PostgreSQL server for tests (a JDBC URL with credentials). */
    public static final String POSTGRES_URL_VARIABLE = "HIBERNATE_LITE_TEST_POSTGRES_URL";
    /** System property read when {@link #POSTGRES_URL_VARIABLE} is not set. */
    public static final String POSTGRES_URL_PROPERTY = "hibernate-lite.test.postgres-url";
    /** Environment variable naming the MariaDB/MySQL server for tests. */
    public static final String MARIADB_URL_VARIABLE = "HIBERNATE_LITE_TEST_MARIADB_URL";
    /** System property read when {@link #MARIADB_URL_VARIABLE} is not set. */
    public static final String MARIADB_URL_PROPERTY = "hibernate-lite.test.mariadb-url";

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?#]*/)([^?#;]*)(.*)$");

    private static volatile DatabaseServer postgres;
    private static volatile DatabaseServer mariadb;

    private final String kind;
    private final String adminUrl;
    private final String source;

    DatabaseServer(String kind, String adminUrl, String source) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.source = source;
    }

    /**
     * The PostgreSQL server for tests, found once per JVM, in this order: the URL in
     * {@value #POSTGRES_URL_VARIABLE}; else the system property {@value #POSTGRES_URL_PROPERTY};
     * else a container, when Testcontainers is on the class path and a Docker engine answers;
     * else an embedded PostgreSQL (zonky's binaries). Each is a real PostgreSQL; the first line the
     * resolution prints says which was used.
     *
     * @return the server
     * @throws IllegalStateException if none could be had (the message says what each attempt gave)
     */
    public static DatabaseServer postgres() {
        DatabaseServer server = postgres;
        if (server == null) {
            synchronized (DatabaseServer.class) {
                if (postgres == null) {
                    postgres = explicit("PostgreSQL", POSTGRES_URL_VARIABLE, POSTGRES_URL_PROPERTY);
                    if (postgres == null) {
                        postgres = startPostgres();
                    }
                }
                server = postgres;
            }
        }
        return server;
    }

    /**
     * Starts a new embedded PostgreSQL (zonky's binaries from Maven Central), whatever the
     * environment says: the last resort of {@link #postgres()}.
     *
     * @return the server, stopped when the JVM exits
     */
    public static DatabaseServer embeddedPostgres() {
        return announce(new DatabaseServer("PostgreSQL", EmbeddedPostgresServer.start(),
                "embedded PostgreSQL (no " + POSTGRES_URL_VARIABLE + ", no Docker)"));
    }

    private static DatabaseServer startPostgres() {
        String containers;
        if (!ContainerPostgresServer.classPresent()) {
            containers = "Testcontainers is not on the class path";
        } else if (!ContainerPostgresServer.dockerAnswers()) {
            containers = "no Docker engine answers";
        } else {
            return announce(new DatabaseServer("PostgreSQL", ContainerPostgresServer.start(), "Testcontainers"));
        }
        try {
            return embeddedPostgres();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for tests: " + POSTGRES_URL_VARIABLE + " is not set, "
                    + containers + ", and the embedded PostgreSQL did not start (" + e.getMessage() + "). Set "
                    + POSTGRES_URL_VARIABLE + " to a JDBC URL with credentials, for example"
                    + " jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", e);
        }
    }

    /**
     * The MariaDB (or MySQL) server for tests: the URL in {@value #MARIADB_URL_VARIABLE}, else
     * the system property {@value #MARIADB_URL_PROPERTY}.
     *
     * @return the server
     * @throws IllegalStateException if neither names one
     */
    public static DatabaseServer mariadb() {
        DatabaseServer server = mariadb;
        if (server == null) {
            synchronized (DatabaseServer.class) {
                if (mariadb == null) {
                    mariadb = resolve("MariaDB", MARIADB_URL_VARIABLE, MARIADB_URL_PROPERTY,
                            "jdbc:mariadb://127.0.0.1:3306/test?user=root");
                }
                server = mariadb;
            }
        }
        return server;
    }

    private static DatabaseServer resolve(String kind, String variable, String property, String example) {
        DatabaseServer server = explicit(kind, variable, property);
        if (server == null) {
            throw new IllegalStateException("No " + kind + " server for tests: set the environment variable " + variable
                    + " (or the system property " + property + ") to a JDBC URL with credentials, for example "
                    + example);
        }
        return server;
    }

    private static DatabaseServer explicit(String kind, String variable, String property) {
        String fromEnv = System.getenv(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return announce(new DatabaseServer(kind, fromEnv.trim(), "environment variable " + variable));
        }
        String fromProperty = System.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return announce(new DatabaseServer(kind, fromProperty.trim(), "system property " + property));
        }
        return null;
    }

    private static DatabaseServer announce(DatabaseServer server) {
        System.out.println("[dropwizard-hibernate-lite-testing] " + server.kind + " for tests: "
                + mask(server.adminUrl) + " (" + server.source + ")");
        return server;
    }

    /** @return {@code PostgreSQL} or {@code MariaDB} */
    public String kind() {
        return kind;
    }

    /** @return the administrative URL, as configured (it may carry credentials: do not print it) */
    public String adminUrl() {
        return adminUrl;
    }

    /** @return where the server's URL came from, for messages */
    public String source() {
        return source;
    }

    /**
     * Creates a new, empty database on this server.
     *
     * @return the database; close it to drop it
     * @throws IllegalStateException if the server cannot be reached (the message names the URL, masked)
     */
    public TestDatabase createDatabase() {
        String name = "hl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(this, name, urlFor(name));
    }

    void dropDatabase(String name) {
        boolean postgresql = adminUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
        execute("DROP DATABASE IF EXISTS " + name + (postgresql ? " WITH (FORCE)" : ""));
    }

    /**
     * @param database a database name on this server
     * @return the admin URL with its database replaced by {@code database}
     */
    public String urlFor(String database) {
        requireNonNull(database, "database");
        Matcher m = DATABASE_IN_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot find the database name in the " + kind + " URL " + mask(adminUrl)
                    + " (" + source + "); write it as jdbc:<db>://host:port/database?user=...");
        }
        return m.group(1) + database + m.group(3);
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(kind + " for tests at " + mask(adminUrl) + " (from the " + source
                    + ") failed to run '" + sql + "': " + e.getMessage(), e);
        }
    }

    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/@:]*:)[^/@]*@", "$1****@");
    }

    @Override
    public String toString() {
        return kind + " at " + mask(adminUrl);
    }
}
