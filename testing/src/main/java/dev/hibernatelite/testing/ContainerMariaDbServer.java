package dev.hibernatelite.testing;

import org.testcontainers.mariadb.MariaDBContainer;

/**
 * A MariaDB in a container, when Testcontainers' MariaDB module is on the class path and a Docker
 * engine answers ({@link Containers#unavailable}). Loaded only after that check. Its root account
 * is used, since tests create databases; the server's character set is utf8mb4, as on the embedded
 * MariaDB and on Debian's packages.
 */
final class ContainerMariaDbServer {
    static final String MODULE_CLASS = "org.testcontainers.mariadb.MariaDBContainer";
    static final String MODULE = "org.testcontainers:testcontainers-mariadb";
    private static final String IMAGE = "mariadb:11.4";

    private ContainerMariaDbServer() {
    }

    /** @return the admin URL (with credentials) of a newly started container */
    @SuppressWarnings("resource")
    static String start() {
        MariaDBContainer container = new MariaDBContainer(IMAGE).withUsername("root");
        container.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci");
        container.start();
        return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                + container.getUsername() + "&password=" + container.getPassword();
    }
}
