package dev.hibernatelite.internal.web;

import java.util.List;

/**
 * What the database refused, as far as its error says: the kind of refusal, and where (table,
 * column, constraint, the columns the statement wrote or compared). Never the value: the
 * database's own message (which may hold it) is kept only for the DEBUG line.
 *
 * <p>Internal: not part of the public API.
 *
 * @param kind what was wrong
 * @param sqlState the SQLState, or null
 * @param vendorCode the database's error code (MariaDB/MySQL's; 0 on PostgreSQL)
 * @param table the table the error or the statement names, or null
 * @param column the column the error names, or null
 * @param constraint the constraint's name, or null
 * @param maxLength the column's length when the error says it (PostgreSQL's {@code varchar(255)}), or null
 * @param statementColumns the columns the statement writes or compares, when no column is named
 * @param databaseMessage the database's message (for DEBUG only: it may hold the value)
 * @param sql the statement, with placeholders (for DEBUG only)
 * @param entity the entity, when known before the database was asked (else null)
 * @param property the entity's property, when known before the database was asked (else null)
 */
record Refusal(Kind kind, String sqlState, int vendorCode, String table, String column, String constraint,
               Integer maxLength, List<String> statementColumns, String databaseMessage, String sql,
               String entity, String property) {

    /** The kinds of refusal, each with the status it answers. */
    enum Kind {
        TOO_LONG(422),
        OUT_OF_RANGE(422),
        INVALID_DATETIME(422),
        BAD_CHARACTER(422),
        INVALID_TEXT(422),
        INVALID_VALUE(422),
        NOT_NULL(422),
        CHECK(422),
        UNIQUE(409),
        FOREIGN_KEY(409),
        EXCLUSION(409),
        OTHER_CONSTRAINT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        int status() {
            return status;
        }

        /** @return whether a column of this Java type can be the one refused with this kind */
        boolean fits(Class<?> type) {
            return switch (this) {
                case TOO_LONG, BAD_CHARACTER -> type == String.class || type == char[].class
                        || type == Character.class;
                case OUT_OF_RANGE -> Number.class.isAssignableFrom(type) || type.isPrimitive();
                case INVALID_DATETIME -> java.time.temporal.Temporal.class.isAssignableFrom(type)
                        || java.util.Date.class.isAssignableFrom(type) || java.util.Calendar.class.isAssignableFrom(type);
                default -> true;
            };
        }
    }
}
