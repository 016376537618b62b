package dev.hibernatelite.internal.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import dev.hibernatelite.internal.message.LogRules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the lines Hibernate and HikariCP write for each request and each connection out of the
 * log when the database goes away: the engine's {@link OutageLog} says it once instead.
 *
 * <ul>
 *   <li>Hibernate's {@code SqlExceptionHelper} writes two lines (a WARN with the SQLState, an ERROR
 *       with the message) for every failed JDBC call. For connection-class SQLStates (see
 *       {@link ConnectionFailures#isConnectionState}) and statement timeouts (see
 *       {@link StatementTimeouts}) both are left out: the request answers 503 or 504, and the
 *       engine's outage lines (or the mapper's {@code HL404} / {@code HL409}) carry the cause.</li>
 *   <li>HikariCP writes a WARN for each pooled connection that broke or failed its check. For the
 *       engines' pools these are left out and handed to {@link EngineAvailability#connectionBroke}:
 *       one line follows, either the outage's or a count of broken connections that were replaced.
 *       Every other HikariCP WARN or ERROR of an engine's pool is left out while the engine is down.</li>
 * </ul>
 *
 * A rule of the bundle's {@link LogRules}, added when an engine starts (when logback is the logging backend).
 *
 * <p>Internal: not part of the public API.
 */
final class OutageLogFilter implements LogRules.Rule {
    private static final String SQL_HELPER = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";
    private static final String HIKARI = "com.zaxxer.hikari";
    private static final Pattern SQL_ERROR = Pattern.compile("SQL Error: (-?\\d+), SQLState: (\\w+)");
    private static final ThreadLocal<Boolean> SKIP_NEXT_ERROR = new ThreadLocal<>();

    private static final OutageLogFilter INSTANCE = new OutageLogFilter();

    private OutageLogFilter() {
    }

    /** Adds the rule to the bundle's log filter, once; does nothing when logback is not the backend. */
    static void install() {
        LogRules.add(INSTANCE);
    }

    @Override
    public FilterReply decide(Logger logger, Level level, String format, Object[] params) {
        if (!level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        if (name.equals(SQL_HELPER)) {
            return sqlHelper(level, format);
        }
        if (name.startsWith(HIKARI)) {
            return hikari(format, params);
        }
        return FilterReply.NEUTRAL;
    }

    private static FilterReply sqlHelper(Level level, String format) {
        if (level == Level.WARN) {
            Matcher error = SQL_ERROR.matcher(format);
            if (error.find() && (ConnectionFailures.isConnectionState(error.group(2))
                    || StatementTimeouts.isTimeout(error.group(2), Integer.parseInt(error.group(1))))) {
                SKIP_NEXT_ERROR.set(Boolean.TRUE);
                return FilterReply.DENY;
            }
            SKIP_NEXT_ERROR.remove();
            return FilterReply.NEUTRAL;
        }
        if (Boolean.TRUE.equals(SKIP_NEXT_ERROR.get())) {
            SKIP_NEXT_ERROR.remove();
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static FilterReply hikari(String format, Object[] params) {
        if (params == null || params.length == 0 || !(params[0] instanceof String)) {
            return FilterReply.NEUTRAL;
        }
        EngineAvailability availability = EngineAvailability.ofPool((String) params[0]);
        if (availability == null) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("marked as broken") || format.contains("Failed to validate connection")) {
            availability.connectionBroke(describe(format, params));
            return FilterReply.DENY;
        }
        return availability.up() ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private static String describe(String format, Object[] params) {
        StringBuilder text = new StringBuilder();
        int p = 0;
        int from = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            text.append(format, from, at).append(p < params.length ? String.valueOf(params[p++]) : "{}");
            from = at + 2;
        }
        return text.append(format.substring(from)).toString();
    }
}
