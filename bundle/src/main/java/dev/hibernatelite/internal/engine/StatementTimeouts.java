package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.OutageMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * An engine's {@code statementTimeout}: how it reaches the database, and how its failure is told
 * apart. The database enforces it, on the connections of the engine's pools only (not on the
 * startup probe, nor on migrations, whose DDL may take longer):
 *
 * <ul>
 *   <li>PostgreSQL: {@code statement_timeout} as a startup option ({@code options=-c statement_timeout=...}),
 *       which also ends a statement waiting for a lock. Not through PgBouncer in transaction mode,
 *       which rejects startup options: {@code HL126} says so;</li>
 *   <li>MariaDB: {@code max_statement_time} and {@code innodb_lock_wait_timeout} as session variables;</li>
 *   <li>MySQL: {@code innodb_lock_wait_timeout} (its {@code max_execution_time} bounds only SELECTs);</li>
 *   <li>H2 and other databases: nothing ({@code HL126} for the others).</li>
 * </ul>
 *
 * <p>Internal: not part of the public API.
 */
public final class StatementTimeouts {
    private static final Logger LOG = LoggerFactory.getLogger(StatementTimeouts.class);

    private StatementTimeouts() {
    }

    /**
     * @param s the engine's settings
     * @param driverProperties the pool's driver properties, to which the bound is added
     */
    static void apply(EngineSettings s, Properties driverProperties) {
        long millis = s.statementTimeoutMillis();
        if (millis <= 0) {
            return;
        }
        long seconds = Math.max(1, (millis + 999) / 1000);
        if (s.vendor() == DatabaseVendor.POSTGRESQL && !s.pgbouncer()) {
            String options = driverProperties.getProperty("options");
            if (options == null || options.isBlank()) {
                driverProperties.setProperty("options", "-c statement_timeout=" + millis);
            } else if (!options.contains("statement_timeout")) {
                driverProperties.setProperty("options", options + " -c statement_timeout=" + millis);
            }
        } else if (s.vendor() == DatabaseVendor.MARIADB) {
            addSessionVariables(driverProperties, "max_statement_time=" + String.format(Locale.ROOT, "%.3f",
                    millis / 1000.0) + ",innodb_lock_wait_timeout=" + seconds);
        } else if (s.vendor() == DatabaseVendor.MYSQL) {
            addSessionVariables(driverProperties, "innodb_lock_wait_timeout=" + seconds);
        }
    }

    private static void addSessionVariables(Properties properties, String variables) {
        String existing = properties.getProperty("sessionVariables");
        if (existing == null || existing.isBlank()) {
            properties.setProperty("sessionVariables", variables);
        } else if (!existing.contains("max_statement_time") && !existing.contains("innodb_lock_wait_timeout")) {
            properties.setProperty("sessionVariables", existing + "," + variables);
        }
    }

    /**
     * Warns ({@code HL126}) when the engine has a statement bound that cannot be applied.
     *
     * @param s the engine's settings
     */
    static void warnIfNotApplied(EngineSettings s) {
        if (s.statementTimeoutMillis() <= 0) {
            return;
        }
        if (s.vendor() == DatabaseVendor.POSTGRESQL && s.pgbouncer()) {
            LOG.warn(OutageMessages.statementTimeoutNotApplied(s.name(), s.yamlPath(), "PgBouncer in transaction"
                    + " pooling mode rejects the startup option that carries it, and a SET would stay on a server"
                    + " connection other clients share."));
        } else if (s.vendor() == DatabaseVendor.OTHER) {
            LOG.warn(OutageMessages.statementTimeoutNotApplied(s.name(), s.yamlPath(), "the bundle knows how to"
                    + " pass it to PostgreSQL, MariaDB and MySQL only."));
        }
    }

    /**
     * @param failure a failure and its causes
     * @return whether the database cancelled a statement because it ran too long or waited too long
     *         for a lock (PostgreSQL {@code 57014}; MariaDB/MySQL errors 1969, 3024, 1205)
     */
    public static boolean isStatementTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.QueryTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTimeout(sql.getSQLState(), sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param sqlState a SQLState, or null
     * @param errorCode the vendor's error code
     * @return whether they say a statement was cancelled for running or waiting too long
     */
    static boolean isTimeout(String sqlState, int errorCode) {
        return "57014".equals(sqlState) || errorCode == 1969 || errorCode == 3024 || errorCode == 1205;
    }
}
