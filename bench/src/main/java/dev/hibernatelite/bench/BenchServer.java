package dev.hibernatelite.bench;

import dev.hibernatelite.testing.PrivatePostgres;

/**
 * The PostgreSQL a run of {@link BenchmarksReport} measures on, and its streaming standby (what
 * {@code lite-replica} reads from).
 *
 * <ul>
 *   <li>{@value BenchSettings#URL_VARIABLE} set: that server; the standby is
 *       {@value #REPLICA_VARIABLE} when set (a streaming standby of it, run by the user), else
 *       there is none and the families that read from one are left out.</li>
 *   <li>Not set (the default): a private PostgreSQL started for the run (the testing module's
 *       {@link PrivatePostgres}: zonky's binaries from Maven Central, no root or server
 *       configuration needed) and a hot standby replaying it by streaming replication, both on
 *       this machine; both are stopped and their data deleted when the run ends. Every family is
 *       measured on that primary, so all figures of a run come from one server.</li>
 * </ul>
 */
public final class BenchServer implements AutoCloseable {
    /** Environment variable naming a streaming standby of {@value BenchSettings#URL_VARIABLE}'s server. */
    public static final String REPLICA_VARIABLE = "HIBERNATE_LITE_BENCH_REPLICA_URL";

    private final String adminUrl;
    private final String replicaAdminUrl;
    private final String description;
    private final boolean privateServer;
    private final PrivatePostgres primary;
    private final PrivatePostgres standby;

    private BenchServer(String adminUrl, String replicaAdminUrl, String description, PrivatePostgres primary,
                        PrivatePostgres standby) {
        this.adminUrl = adminUrl;
        this.replicaAdminUrl = replicaAdminUrl;
        this.description = description;
        this.privateServer = primary != null;
        this.primary = primary;
        this.standby = standby;
    }

    /** @return the server the environment names, or a private primary and standby, started */
    public static BenchServer open() {
        String url = System.getenv(BenchSettings.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            String replica = System.getenv(REPLICA_VARIABLE);
            boolean hasReplica = replica != null && !replica.isBlank();
            return new BenchServer(url.trim(), hasReplica ? replica.trim() : null, "$" + BenchSettings.URL_VARIABLE
                    + " (" + BenchSettings.displayUrl(url.trim()) + ")" + (hasReplica ? ", its standby $"
                    + REPLICA_VARIABLE + " (" + BenchSettings.displayUrl(replica.trim()) + ")" : ", no standby"),
                    null, null);
        }
        PrivatePostgres primary = PrivatePostgres.create();
        PrivatePostgres standby = null;
        try {
            primary.start();
            standby = primary.createStandby();
            standby.start();
            return new BenchServer(primary.url(), standby.url(), "a private PostgreSQL started by the run (the"
                    + " testing module's PrivatePostgres, zonky's binaries) and a hot standby replaying it by streaming"
                    + " replication, both on this machine", primary, standby);
        } catch (RuntimeException e) {
            if (standby != null) {
                standby.close();
            }
            primary.close();
            throw e;
        }
    }

    /** @return a URL of a database of the server the run may create databases from */
    public String adminUrl() {
        return adminUrl;
    }

    /** @return the same for the standby, or null when there is none */
    public String replicaAdminUrl() {
        return replicaAdminUrl;
    }

    /** @return which server(s), for the report */
    public String description() {
        return description;
    }

    /**
     * @return whether the run started the server itself (zonky's servers run with
     *         {@code synchronous_commit=off}; the benchmark database sets it back to PostgreSQL's default)
     */
    public boolean privateServer() {
        return privateServer;
    }

    /** Stops the private servers, if the run started them, and deletes their data. */
    @Override
    public void close() {
        if (!privateServer) {
            return;
        }
        try {
            if (standby != null) {
                standby.close();
            }
        } finally {
            primary.close();
        }
    }
}
