package dev.hibernatelite.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL in a container, when Testcontainers' PostgreSQL module is on the class path and a
 * Docker engine answers ({@link Containers#unavailable}). Loaded only after that check.
 */
final class ContainerPostgresServer {
    static final String MODULE_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";
    static final String MODULE = "org.testcontainers:testcontainers-postgresql";
    private static final String IMAGE = "postgres:15-alpine";

    private ContainerPostgresServer() {
    }

    /** @return the admin URL (with credentials) of a newly started container */
    @SuppressWarnings("resource")
    static String start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                + container.getUsername() + "&password=" + container.getPassword();
    }
}
