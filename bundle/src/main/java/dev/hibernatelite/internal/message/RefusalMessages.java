package dev.hibernatelite.internal.message;

import java.util.Locale;

/**
 * The texts of values and rows the database refused in a request: the client's answer (which
 * names the property or the constraint, never the SQL or the value) and the INFO line.
 *
 * <p>Internal: not part of the public API.
 */
public final class RefusalMessages {
    private RefusalMessages() {
    }

    /**
     * @param kind the refusal's kind ({@code TOO_LONG}, {@code BAD_CHARACTER}, ...)
     * @param subject what was refused: {@code User.name}, {@code column users.name}, or null when unknown
     * @param maxLength the column's length when known, or null
     * @param constraint the constraint's name, or null
     * @return the client's message
     */
    public static String refusedValue(String kind, String subject, Integer maxLength, String constraint) {
        String what = subject == null ? "A value" : "The value of " + subject;
        return what + " " + switch (kind) {
            case "TOO_LONG" -> "is too long for the database" + (maxLength == null ? "" : " (at most " + maxLength
                    + " characters)") + ".";
            case "OUT_OF_RANGE" -> "is out of the range the database can hold.";
            case "INVALID_DATETIME" -> "is not a date or time the database can hold.";
            case "BAD_CHARACTER" -> "contains a character the database cannot store (a NUL character, or one outside"
                    + " its character set).";
            case "INVALID_TEXT" -> "is not valid for its type in the database.";
            case "NOT_NULL" -> "is missing: the database requires one.";
            case "CHECK" -> "breaks the database's rule" + (constraint == null ? "" : " '" + constraint + "'") + ".";
            default -> "was refused by the database.";
        };
    }

    /**
     * @param kind the refusal's kind ({@code UNIQUE}, {@code FOREIGN_KEY}, ...)
     * @param subject the property or column concerned, or null
     * @param constraint the constraint's name, or null
     * @return the client's message
     */
    public static String conflict(String kind, String subject, String constraint) {
        String rule = constraint == null ? "" : " (constraint '" + constraint + "')";
        return switch (kind) {
            case "UNIQUE" -> (subject == null ? "A value" : "The value of " + subject)
                    + " is already taken: it must be unique" + rule + ".";
            case "FOREIGN_KEY" -> (subject == null ? "The change" : "The value of " + subject)
                    + " refers to a row that does not exist, or removes one that others still refer to" + rule + ".";
            default -> "The change conflicts with the data already stored" + rule + ".";
        };
    }

    /**
     * @param status the answer's status (422)
     * @param kind the refusal's kind
     * @param subject the property or column, or null
     * @param sqlState the SQLState
     * @param vendorCode the database's error code
     * @return the INFO line (HL460)
     */
    public static String refusedValueLog(int status, String kind, String subject, String sqlState, int vendorCode) {
        return Message.VALUE_REFUSED.format("the database refused a value of a request (" + kind.toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ", " + (subject == null ? "column unknown" : subject) + ", SQLState " + sqlState
                + (vendorCode == 0 ? "" : ", error " + vendorCode) + "); answered " + status
                + ". The database's message is logged at DEBUG by " + "dev.hibernatelite.internal.web.DatabaseRefusals.");
    }

    /**
     * @param status the answer's status (409)
     * @param kind the refusal's kind
     * @param subject the property or column, or null
     * @param constraint the constraint's name, or null
     * @param sqlState the SQLState
     * @param vendorCode the database's error code
     * @return the INFO line (HL461)
     */
    public static String conflictLog(int status, String kind, String subject, String constraint, String sqlState,
                                     int vendorCode) {
        return Message.CONSTRAINT_CONFLICT.format("a request's write broke "
                + (constraint == null ? "a constraint" : "constraint '" + constraint + "'") + " ("
                + kind.toLowerCase(Locale.ROOT).replace('_', ' ') + (subject == null ? "" : ", " + subject) + ", SQLState "
                + sqlState + (vendorCode == 0 ? "" : ", error " + vendorCode) + "); answered " + status
                + ". The database's message is logged at DEBUG by dev.hibernatelite.internal.web.DatabaseRefusals.");
    }
}
