package dev.hibernatelite.bench;

/** A pool configuration measured by the statement counts and the behaviour checks. */
public record PoolVariant(String label, String description, Factory factory) {
    /** Starts a pool on a URL. */
    @FunctionalInterface
    public interface Factory {
        /** @return the started pool of {@code size} connections on {@code url} */
        Pools.Pool start(String url, int size) throws Exception;
    }

    /** HikariCP exactly as the bundle configures it. */
    public static PoolVariant hikari() {
        return new PoolVariant("hikari",
                "HikariCP as dropwizard-hibernate-lite configures it (autoCommit=false)",
                (url, size) -> Pools.hikari(url, size, c -> { }));
    }

    /** HikariCP as the bundle configures it but with the pool's own auto-commit default (true). */
    public static PoolVariant hikariAutoCommit() {
        return new PoolVariant("hikari autoCommit=true",
                "same, but HikariCP's default autoCommit=true (for comparison only)",
                (url, size) -> Pools.hikari(url, size, c -> c.setAutoCommit(true)));
    }

    /** tomcat-jdbc as dropwizard-db's DataSourceFactory builds it. */
    public static PoolVariant tomcat() {
        return new PoolVariant("tomcat-jdbc",
                "tomcat-jdbc from Dropwizard's DataSourceFactory defaults (url, driverClass, sizes set)",
                (url, size) -> Pools.tomcat(url, size, f -> { }));
    }

    /** tomcat-jdbc from Dropwizard's DataSourceFactory with {@code rollbackOnReturn: true}. */
    public static PoolVariant tomcatRollbackOnReturn() {
        return new PoolVariant("tomcat-jdbc rollbackOnReturn=true",
                "same, with DataSourceFactory rollbackOnReturn=true (non-default)",
                (url, size) -> Pools.tomcat(url, size, f -> f.setRollbackOnReturn(true)));
    }

    /**
     * tomcat-jdbc from Dropwizard's DataSourceFactory with {@code autoCommitByDefault: false} and
     * {@code rollbackOnReturn: true} (tomcat-jdbc applies rollbackOnReturn only when its default
     * auto-commit is explicitly false).
     */
    public static PoolVariant tomcatNoAutoCommitRollbackOnReturn() {
        return new PoolVariant("tomcat-jdbc autoCommitByDefault=false rollbackOnReturn=true",
                "same, with autoCommitByDefault=false and rollbackOnReturn=true (non-default)",
                (url, size) -> Pools.tomcat(url, size, f -> {
                    f.setAutoCommitByDefault(false);
                    f.setRollbackOnReturn(true);
                }));
    }
}
