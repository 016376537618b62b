package dev.hibernatelite.internal.engine;

import java.sql.SQLException;

/** For tests of what waits on an engine: engine 'orders', whose database refuses every connection. */
final class UnreachableDatabase {
    private UnreachableDatabase() {
    }

    /** @return the engine's availability: up until told otherwise; its probe always fails (connection refused) */
    static EngineAvailability availability() {
        return new EngineAvailability("orders", "jdbc:postgresql://db/orders", "pw-secret", () -> {
            throw new SQLException("Connection to db:5432 refused", "08001");
        }, new OutageLog("orders", "jdbc:postgresql://db/orders"));
    }
}
