package dev.hibernatelite.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL in a container, when Testcontainers is on the class path and a Docker engine
 * answers. Loaded only after {@link #classPresent()} says Testcontainers is there.
 */
final class ContainerPostgresServer {
    private static final String IMAGE = "postgres:15-alpine";

    private ContainerPostgresServer() {
    }

    static boolean classPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerPostgresServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
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
