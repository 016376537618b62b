package dev.hibernatelite.internal.engine;

import java.sql.SQLTransientConnectionException;

/**
 * Thrown instead of waiting for a connection while an engine's database is known to be down.
 * Its SQLState is {@code 08001} (unable to establish a connection), so that Hibernate turns it
 * into a {@code JDBCConnectionException} and the request answers 503; its message starts with the
 * pool's name, as HikariCP's own do, so that the engine can be told from it.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineDownException extends SQLTransientConnectionException {
    private static final long serialVersionUID = 1L;

    private final String engine;

    EngineDownException(String engine, long downForMillis, String cause) {
        super("hibernate-lite." + engine + " - the database is down (for " + downForMillis
                + " ms: " + cause + "); not waiting for a connection", "08001");
        this.engine = engine;
    }

    /** @return the engine whose database is down */
    public String engine() {
        return engine;
    }
}
