package dev.hibernatelite.internal.message;

/**
 * The texts of the catalogue's messages about read-only work, read replicas and PgBouncer.
 *
 * <p>Internal: not part of the public API.
 */
public final class ReadMessages {
    private ReadMessages() {
    }

    public static String replicaOfAnotherDatabase(String replicaPath, String url, String replicaDatabase,
                                                  String enginePath, String database) {
        return Message.REPLICA_OF_ANOTHER_DATABASE.format(replicaPath + " '" + Secrets.mask(url) + "' is a "
                + replicaDatabase + " URL, but " + enginePath + ".url is " + database + ": a replica serves a copy of"
                + " the engine's database. Give it a " + database + " URL, or configure another engine.");
    }

    public static String pgbouncerNeedsPostgresql(String enginePath, String database) {
        return Message.PGBOUNCER_NEEDS_POSTGRESQL.format(enginePath + ".pgbouncer is true, but " + enginePath
                + ".url is a " + database + " URL: PgBouncer pools PostgreSQL connections. Remove pgbouncer, or point"
                + " the URL at PgBouncer (jdbc:postgresql://pgbouncer-host:6432/db).");
    }

    public static String replicaUrlInvalid(String replicaPath, String url, String why) {
        return Message.REPLICA_URL_INVALID.format(replicaPath + " '" + Secrets.mask(url) + "' " + why
                + " Give each replica a JDBC URL such as jdbc:postgresql://replica-1:5432/app (or one pgjdbc"
                + " multi-host URL).");
    }

    public static String commitInReadOnlyContext(String call, String engine, String context) {
        return Message.COMMIT_IN_READ_ONLY_CONTEXT.format(call + ": engine '" + engine + "' has a read-only session in "
                + context + " (@ReadOnly, or db.readOnlyContext()): it runs each statement on its own, on a connection"
                + " the database holds read-only, and has nothing to commit. Do writes in a context that is not"
                + " read-only: remove @ReadOnly from the resource method, or use db.context().");
    }

    public static String readOnlyWithCommitOnSuccess(String method) {
        return Message.READ_ONLY_WITH_COMMIT_ON_SUCCESS.format(method + " is annotated (or its class is) with both"
                + " @ReadOnly and @CommitOnSuccess: a read-only request has nothing to commit. Remove one of them.");
    }

    public static String readsOnPrimary(String engine, String why) {
        return Message.READS_ON_PRIMARY.format("engine '" + engine + "': no replica can serve reads (" + why
                + "); read-only sessions use the primary until one can. The health check lists each replica.");
    }

    public static String replicaDown(String engine, String replica, String url, String cause) {
        return Message.REPLICA_DOWN.format("engine '" + engine + "': " + replica + " (" + Secrets.mask(url)
                + ") stopped serving reads: " + cause + ". Its reads go to the other replicas, or the primary.");
    }

    public static String readOnlyNotEnforced(String engine, String enginePath) {
        return Message.READ_ONLY_NOT_ENFORCED.format("engine '" + engine + "' reaches PostgreSQL through PgBouncer and"
                + " has no replicas: its read-only sessions run on the primary without the database holding them"
                + " read-only (PgBouncer's transaction pooling keeps no session state). Add a PgBouncer database whose"
                + " connect_query is 'SET default_transaction_read_only = on' and list it under " + enginePath
                + ".replicas.");
    }
}
