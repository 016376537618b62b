package dev.hibernatelite.internal.message;

/**
 * The texts of the catalogue's messages about a database going away and coming back, and about
 * statements that run too long ({@code statementTimeout}).
 *
 * <p>Internal: not part of the public API.
 */
public final class OutageMessages {
    private OutageMessages() {
    }

    public static String statementTimeoutTooShort(String path, Object timeout) {
        return Message.STATEMENT_TIMEOUT_TOO_SHORT.format(path + " is " + timeout + ": a statement bound under 1s"
                + " cancels ordinary queries on a busy database. Set it to 1s or more (the default is 30s), or to 0s"
                + " for no bound.");
    }

    public static String statementTimeoutNotApplied(String engine, String path, String why) {
        return Message.STATEMENT_TIMEOUT_NOT_APPLIED.format("engine '" + engine + "': " + path + ".statementTimeout"
                + " is not applied: " + why + " Set the bound on the database side (for PostgreSQL: ALTER ROLE"
                + " <user> SET statement_timeout = '30s'), or set " + path + ".statementTimeout: 0s to silence this.");
    }

    /** @return the text without its final period, to end a sentence of ours */
    private static String clause(String text) {
        String t = text == null ? "" : text.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    public static String engineDown(String engine, String url, String cause) {
        return Message.ENGINE_DOWN.format("engine '" + engine + "': its database (" + Secrets.mask(url)
                + ") is down: " + clause(cause) + ". Requests that need this engine answer 503 at once (Retry-After: 1)"
                + " instead of waiting for a connection; one background probe connects every 250 ms (every second"
                + " after 30 s) and the engine serves again as soon as it answers. Other engines and routes are not"
                + " affected.");
    }

    public static String engineStillDown(String engine, long seconds, long refused, String cause) {
        return Message.ENGINE_STILL_DOWN.format("engine '" + engine + "': its database is still down after "
                + seconds + " s; " + refused + " requests answered 503 so far. Last failure: " + clause(cause) + ".");
    }

    public static String engineBack(String engine, long millis, long refused) {
        return Message.ENGINE_BACK.format("engine '" + engine + "': its database answers again after "
                + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0) + " s down; " + refused
                + " requests answered 503 meanwhile. The engine serves requests again.");
    }

    public static String connectionsBroke(String engine, long count, String last) {
        return Message.CONNECTIONS_BROKE.format("engine '" + engine + "': " + count + " pooled connection"
                + (count == 1 ? "" : "s") + " broke (" + last + ") but the database answers a new connection:"
                + " they were replaced. If this repeats, look for what ends sessions on the server (a restart,"
                + " pg_terminate_backend, an idle timeout shorter than maxConnectionAge).");
    }

    /**
     * @param engine the engine
     * @param yamlPath the engine's YAML path ({@code engines.default})
     * @param size how many sessions may hold a connection at once
     * @param waitMillis how long the session waited
     * @return why a session got no connection: every one stayed in use
     */
    public static String noConnectionInTime(String engine, String yamlPath, int size, long waitMillis) {
        return Message.NO_CONNECTION_IN_TIME.format("engine '" + engine + "': no connection within " + waitMillis
                + " ms (" + yamlPath + ".maxWaitForConnection): all " + size + " that sessions may hold stayed in use."
                + " Find what holds them (a slow query, a transaction kept open around slow work), or raise "
                + yamlPath + ".maxSize within the database's max_connections.");
    }

    public static String statementTimedOut(String engine, String cause) {
        return Message.STATEMENT_TIMED_OUT.format("a request's statement" + (engine == null ? ""
                : " on engine '" + engine + "'") + " ran past the engine's statementTimeout and the database"
                + " cancelled it (" + clause(cause) + "); answered 504. Look for a lock held by another transaction"
                + " or a slow plan; raise statementTimeout only if the query is expected to take that long.");
    }

    public static String statementTimedOutResponse(String engine) {
        return "The database" + (engine == null ? "" : " of engine '" + engine + "'")
                + " did not answer in time. Try again later.";
    }
}
