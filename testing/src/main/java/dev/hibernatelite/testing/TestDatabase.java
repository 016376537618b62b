package dev.hibernatelite.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database on a real server, dropped when the test class ends. Register it before the
 * application so that its URL can go into the configuration:
 *
 * <pre>{@code
 * @RegisterExtension @Order(0)
 * static final TestDatabase POSTGRES = TestDatabase.postgres();
 *
 * @RegisterExtension @Order(1)
 * static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
 *         ResourceHelpers.resourceFilePath("test.yml"), ConfigOverride.config("engines.default", POSTGRES::url));
 * }</pre>
 *
 * The database is created on the first call to {@link #url()} (or at once, by
 * {@link DatabaseServer#createDatabase()}), so it exists before the application starts.
 */
public final class TestDatabase implements AutoCloseable, AfterAllCallback {
    private final DatabaseServer server;
    private String name;
    private String url;

    TestDatabase(DatabaseServer server, String name, String url) {
        this.server = server;
        this.name = name;
        this.url = url;
    }

    /** @return a fresh database on the PostgreSQL server for tests, created on first use */
    public static TestDatabase postgres() {
        return new TestDatabase(DatabaseServer.postgres(), null, null);
    }

    /** @return a fresh database on the MariaDB server for tests, created on first use */
    public static TestDatabase mariadb() {
        return new TestDatabase(DatabaseServer.mariadb(), null, null);
    }

    /** @return the database's JDBC URL (with the server's credentials); creates the database on first call */
    public synchronized String url() {
        if (url == null) {
            TestDatabase created = server.createDatabase();
            this.name = created.name;
            this.url = created.url;
        }
        return url;
    }

    /** @return the database's name on its server */
    public synchronized String name() {
        url();
        return name;
    }

    /** @return the server the database lives on */
    public DatabaseServer server() {
        return server;
    }

    /** Drops the database (forcing other connections off it on PostgreSQL). */
    @Override
    public synchronized void close() {
        if (name != null) {
            server.dropDatabase(name);
            name = null;
            url = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "TestDatabase{" + name + " on " + server + "}";
    }
}
