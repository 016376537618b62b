package dev.hibernatelite.internal.engine;

/**
 * What a database said about itself when the engine probed it at startup.
 *
 * @param productName the JDBC product name ({@code PostgreSQL}, {@code MariaDB}, {@code H2})
 * @param productVersion the product version as the driver reports it
 * @param majorVersion the major version
 * @param minorVersion the minor version
 * @param waitTimeoutSeconds MySQL/MariaDB's {@code wait_timeout}, or -1 where there is none
 */
public record DatabaseInfo(String productName, String productVersion, int majorVersion, int minorVersion,
                           long waitTimeoutSeconds) {
    /** @return the product and its version, short: {@code PostgreSQL 15.20} */
    public String describe() {
        return productName + " " + majorVersion + "." + minorVersion;
    }
}
