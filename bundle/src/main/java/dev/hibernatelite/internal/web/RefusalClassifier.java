package dev.hibernatelite.internal.web;

import dev.hibernatelite.internal.engine.NulCharacterRefusedException;
import dev.hibernatelite.internal.web.Refusal.Kind;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failure for a refusal of the database: PostgreSQL's SQLState classes 22 (data
 * exceptions) and 23 (integrity constraints), MariaDB/MySQL's error codes for the same (strict
 * mode's truncation, out-of-range and incorrect values, characters outside the column's
 * character set, duplicates and foreign keys). Works on the JDBC drivers' exceptions and on the
 * Vert.x clients' (which Hibernate Reactive turns into an {@link SQLException} with the same
 * SQLState and code), wherever they sit in the cause chain.
 *
 * <p>Internal: not part of the public API.
 */
final class RefusalClassifier {
    // MariaDB/MySQL: for column 'name' | for column `db`.`table`.`column` | Column 'name' cannot be null
    private static final Pattern MYSQL_QUALIFIED_COLUMN = Pattern.compile("column (?:`[^`]*`\\.)?`([^`]+)`\\.`([^`]+)`");
    private static final Pattern MYSQL_COLUMN = Pattern.compile("(?i)column '([^']+)'");
    private static final Pattern MYSQL_FOREIGN_KEY = Pattern.compile(
            "\\((?:`[^`]*`\\.)?`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(`([^`]+)`\\)");
    private static final Pattern MYSQL_KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");
    // PostgreSQL: column "name" of relation "users" | Key (name)=(...) | on table "posts" | varchar(255)
    private static final Pattern PG_COLUMN_OF_RELATION = Pattern.compile("column \"([^\"]+)\" of relation \"([^\"]+)\"");
    private static final Pattern PG_KEY_COLUMNS = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern PG_ON_TABLE = Pattern.compile("on table \"([^\"]+)\"");
    private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern PG_VARCHAR_LENGTH = Pattern.compile("character varying\\((\\d+)\\)");
    // the statement: its table and the columns it writes or compares with a parameter
    private static final Pattern SQL_TABLE = Pattern.compile(
            "(?i)^\\s*(?:insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([\\w\".`]+)", Pattern.DOTALL);
    private static final Pattern SQL_INSERT_COLUMNS = Pattern.compile("(?i)insert\\s+into\\s+\\S+\\s*\\(([^)]*)\\)");
    private static final Pattern SQL_COMPARED_COLUMN = Pattern.compile(
            "(?i)(?:\\w+\\.)?([\\w\"`]+)\\s*(?:=|<>|!=|<=|>=|<|>|\\s+like|\\s+in)\\s*\\(?\\s*(?:\\?|\\$\\d+)");
    // Hibernate's message when it had no statement to give: "JDBC exception executing SQL [select ...]"
    private static final Pattern SQL_IN_MESSAGE = Pattern.compile(
            "(?i)SQL \\[((?:select|insert|update|delete|with)\\b[^\\]]*)\\]");

    private RefusalClassifier() {
    }

    /**
     * @param failure what a request failed with
     * @return what the database refused, or empty when the failure is not a refusal
     */
    static Optional<Refusal> classify(Throwable failure) {
        SQLException sql = null;
        JDBCException jdbc = null;
        String constraint = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NulCharacterRefusedException nul) {
                return Optional.of(new Refusal(Kind.BAD_CHARACTER, "22021", 0, null, null, null, null, List.of(),
                        nul.getMessage(), null, nul.entity(), nul.property()));
            }
            if (t instanceof ConstraintViolationException violation && constraint == null) {
                constraint = violation.getConstraintName();
            }
            if (t instanceof JDBCException j && jdbc == null) {
                jdbc = j;
            }
            if (t instanceof SQLException s) {
                sql = s;
                break;
            }
        }
        if (sql == null) {
            return Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        Kind kind = kindOfVendorCode(sql.getErrorCode(), message);
        if (kind == null) {
            kind = kindOfState(state);
        }
        if (kind == null) {
            return Optional.empty();
        }
        String statement = jdbc == null ? null : statementOf(jdbc);
        return Optional.of(where(kind, state, sql.getErrorCode(), message, constraint, statement));
    }

    /**
     * @param vendorCode the database's error code
     * @param sqlState the SQLState
     * @return whether the database refused a value or a row (what {@link #classify} answers for)
     */
    static boolean isRefusal(int vendorCode, String sqlState) {
        return kindOfVendorCode(vendorCode, "") != null || kindOfState(sqlState == null ? "" : sqlState) != null;
    }

    /**
     * @param vendorCode the database's error code
     * @return whether the code is a refusal only when the message says so (a mix of collations with a parameter)
     */
    static boolean isRefusalByMessage(int vendorCode) {
        return vendorCode == 1267 || vendorCode == 1270 || vendorCode == 1271;
    }

    /**
     * @param vendorCode the database's error code
     * @param sqlState the SQLState, or null
     * @param message the database's message
     * @return whether the database refused a value or a row
     */
    static boolean isRefusal(int vendorCode, String sqlState, String message) {
        return kindOfVendorCode(vendorCode, message) != null || kindOfState(sqlState == null ? "" : sqlState) != null;
    }

    private static Refusal where(Kind kind, String state, int code, String message, String constraint,
                                 String statement) {
        String table = null;
        String column = null;
        Matcher m;
        if ((m = MYSQL_FOREIGN_KEY.matcher(message)).find()) {
            table = m.group(1);
            constraint = constraint == null ? m.group(2) : constraint;
            column = m.group(3);
        } else if ((m = MYSQL_QUALIFIED_COLUMN.matcher(message)).find()) {
            table = m.group(1);
            column = m.group(2);
        } else if ((m = PG_COLUMN_OF_RELATION.matcher(message)).find()) {
            column = m.group(1);
            table = m.group(2);
        } else if (code != 0 && (m = MYSQL_COLUMN.matcher(message)).find()) {
            column = m.group(1);
        }
        if (column == null && (m = PG_KEY_COLUMNS.matcher(message)).find() && !m.group(1).contains(",")) {
            column = unquote(m.group(1));
        }
        if (table == null && (m = PG_ON_TABLE.matcher(message)).find()) {
            table = m.group(1);
        }
        if (constraint == null && (m = PG_CONSTRAINT.matcher(message)).find()) {
            constraint = m.group(1);
        }
        if (constraint == null && (m = MYSQL_KEY.matcher(message)).find()) {
            constraint = m.group(1);
        }
        Integer maxLength = (m = PG_VARCHAR_LENGTH.matcher(message)).find() ? Integer.valueOf(m.group(1)) : null;
        List<String> statementColumns = new ArrayList<>();
        if (statement != null) {
            if (table == null && (m = SQL_TABLE.matcher(statement)).find()) {
                table = unquote(m.group(1));
            }
            if ((m = SQL_INSERT_COLUMNS.matcher(statement)).find()) {
                for (String c : m.group(1).split(",")) {
                    statementColumns.add(unquote(c.trim()));
                }
            }
            m = SQL_COMPARED_COLUMN.matcher(statement);
            while (m.find()) {
                statementColumns.add(unquote(m.group(1)));
            }
        }
        return new Refusal(kind, state, code, table, column, constraint, maxLength, List.copyOf(statementColumns),
                message, statement, null, null);
    }

    private static String statementOf(JDBCException jdbc) {
        String sql = jdbc.getSQL();
        if (sql != null && !sql.isBlank() && !sql.equals("n/a")) {
            return sql;
        }
        Matcher m = SQL_IN_MESSAGE.matcher(String.valueOf(jdbc.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    private static Kind kindOfVendorCode(int code, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return switch (code) {
            case 1406 -> Kind.TOO_LONG;
            case 1264 -> Kind.OUT_OF_RANGE;
            case 1292 -> lower.contains("date") || lower.contains("time") ? Kind.INVALID_DATETIME : Kind.INVALID_TEXT;
            case 1366 -> lower.contains("string value") ? Kind.BAD_CHARACTER : Kind.INVALID_TEXT;
            case 1265, 1367 -> Kind.INVALID_VALUE;
            case 1048 -> Kind.NOT_NULL;
            case 1062, 1586 -> Kind.UNIQUE;
            case 1216, 1217, 1451, 1452 -> Kind.FOREIGN_KEY;
            case 3819, 4025 -> Kind.CHECK;
            // illegal mix of collations, one side a parameter: its characters are outside the column's set
            case 1267, 1270, 1271 -> lower.contains("coercible") ? Kind.BAD_CHARACTER : null;
            default -> null;
        };
    }

    private static Kind kindOfState(String state) {
        if (state.length() != 5) {
            return null;
        }
        return switch (state) {
            case "22001" -> Kind.TOO_LONG;
            case "22003" -> Kind.OUT_OF_RANGE;
            case "22007", "22008" -> Kind.INVALID_DATETIME;
            case "22021", "22P05" -> Kind.BAD_CHARACTER;
            case "22P02" -> Kind.INVALID_TEXT;
            case "23505" -> Kind.UNIQUE;
            case "23503" -> Kind.FOREIGN_KEY;
            case "23502" -> Kind.NOT_NULL;
            case "23514" -> Kind.CHECK;
            case "23P01" -> Kind.EXCLUSION;
            default -> state.startsWith("22") ? Kind.INVALID_VALUE
                    : state.startsWith("23") ? Kind.OTHER_CONSTRAINT : null;
        };
    }

    private static String unquote(String identifier) {
        String s = identifier;
        int dot = s.lastIndexOf('.');
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        return s.replace("\"", "").replace("`", "");
    }
}
