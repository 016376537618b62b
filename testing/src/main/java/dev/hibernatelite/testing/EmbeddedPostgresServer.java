package dev.hibernatelite.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL started from the binaries zonky publishes on Maven Central, in a temporary
 * directory, on a free port; stopped when the JVM exits. The last resort of
 * {@link DatabaseServer#postgres()}, and usable on its own.
 */
final class EmbeddedPostgresServer {
    private EmbeddedPostgresServer() {
    }

    /** @return the admin URL of a newly started embedded PostgreSQL */
    static String start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
