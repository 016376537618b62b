package dev.hibernatelite.testing;

import dev.hibernatelite.internal.runtime.TestSchemas;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

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
 * {@link DatabaseServer#createDatabase()}), so it exists before the application starts. With
 * {@link #migrated()} its schema is made then too, by the application's migrations, once per test
 * class when the field is static; {@link #withTablesOf} creates the entities' tables instead, as
 * {@code db create} does. Test isolation ({@link TestIsolationExtension}) works on top of either.
 */
public final class TestDatabase implements AutoCloseable, AfterAllCallback {
    private final DatabaseServer server;
    private final List<String> migrations;
    private final List<Class<?>> entities;
    private String name;
    private String url;
    private boolean templated;

    TestDatabase(DatabaseServer server, String name, String url) {
        this(server, name, url, List.of(), List.of());
    }

    private TestDatabase(DatabaseServer server, String name, String url, List<String> migrations,
                         List<Class<?>> entities) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.migrations = migrations;
        this.entities = entities;
    }

    /** @return a fresh database on the PostgreSQL server for tests, created on first use */
    public static TestDatabase postgres() {
        return new TestDatabase(DatabaseServer.postgres(), null, null);
    }

    /** @return a fresh database on the MariaDB server for tests, created on first use */
    public static TestDatabase mariadb() {
        return new TestDatabase(DatabaseServer.mariadb(), null, null);
    }

    /**
     * The same kind of database, whose schema is made by the {@code default} engine's migrations
     * ({@code classpath:db/migration/default}) when it is created: once per test class for a static
     * field, before the application starts.
     *
     * @return a new, not yet created, test database
     */
    public TestDatabase migrated() {
        return migratedFrom("classpath:db/migration/default");
    }

    /**
     * As {@link #migrated()}, from other locations (an engine's {@code migrations.locations}).
     *
     * @param locations Flyway locations: {@code classpath:db/migration/reports}, {@code filesystem:/path}
     * @return a new, not yet created, test database
     */
    public TestDatabase migratedFrom(String... locations) {
        requireNonNull(locations, "locations");
        return new TestDatabase(server, null, null, List.copyOf(Arrays.asList(locations)), List.of());
    }

    /**
     * The same kind of database, where the tables of the given entities are created when it is
     * created, as {@code db create} does: for tests of an application that has no migrations.
     *
     * @param entities the {@code @Entity} classes whose tables to create
     * @return a new, not yet created, test database
     */
    public TestDatabase withTablesOf(Class<?>... entities) {
        requireNonNull(entities, "entities");
        return new TestDatabase(server, null, null, List.of(), List.copyOf(Arrays.asList(entities)));
    }

    /**
     * @return the database's JDBC URL (with the server's credentials); creates the database on first call,
     *         and migrates it or creates its tables when asked to
     * @throws RuntimeException if a migration fails (the message names its file and line)
     */
    public synchronized String url() {
        if (url == null) {
            TestDatabase created = server.createDatabase();
            this.name = created.name;
            this.url = created.url;
            try {
                if (!migrations.isEmpty()) {
                    TestSchemas.migrate(url, migrations);
                }
                if (!entities.isEmpty()) {
                    TestSchemas.createTables(url, entities);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
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

    /**
     * @return true the first time it is called for this database (the fresh-database isolation
     *         then makes its template), false after
     */
    synchronized boolean markTemplated() {
        url();
        boolean first = !templated;
        templated = true;
        return first;
    }

    /** Drops the database (forcing other connections off it on PostgreSQL), and its template if it has one. */
    @Override
    public synchronized void close() {
        if (name != null && templated) {
            FreshDatabases.dropTemplate(server, name);
            templated = false;
        }
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
