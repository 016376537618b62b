package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.message.ServiceMessages;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises the failure of opening an H2 file database that another process holds (a running
 * server, when a {@code db} command starts beside it): H2 opens a file database in one process
 * at a time, and says only "Database may be already in use".
 *
 * <p>Internal: not part of the public API.
 */
public final class HeldDatabases {
    /** H2's error code for a database file locked by another process. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private HeldDatabases() {
    }

    /**
     * @param failure what opening a connection threw
     * @param url the engine's JDBC URL
     * @return a sentence to add to the failure's description ({@code " HL330: ..."}), or the empty string
     */
    public static String hint(Throwable failure, String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") || url.contains("AUTO_SERVER=TRUE")) {
            return "";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                    || String.valueOf(sql.getMessage()).contains("[" + H2_DATABASE_ALREADY_OPEN))) {
                return " " + ServiceMessages.h2DatabaseInUse(url);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "";
    }
}
