package dev.hibernatelite.internal.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import dev.hibernatelite.internal.message.LogRules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps Hibernate's {@code SqlExceptionHelper} from logging a WARN and an ERROR (with the
 * database's message, which may hold the client's value) for each refusal the bundle answers
 * with 422 or 409 and logs itself at INFO. Hibernate logs {@code SQL Error: N, SQLState: S} at
 * WARN and then the message at ERROR on the same thread: when the WARN names a refusal, both
 * are dropped. Every other SQL error is logged by Hibernate as before.
 *
 * <p>Internal: not part of the public API.
 */
public final class RefusalLogFilter implements LogRules.Rule {
    private static final RefusalLogFilter INSTANCE = new RefusalLogFilter();

    static final String HIBERNATE_LOGGER = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";
    private static final Pattern SQL_ERROR = Pattern.compile("SQL Error: (-?\\d+), SQLState: (\\S*)");

    // after a refusal's WARN, the next ERROR on the thread is dropped (TRUE), or dropped if it is a refusal (FALSE)
    private final ThreadLocal<Boolean> dropNextError = new ThreadLocal<>();

    private RefusalLogFilter() {
    }

    /** Adds the rule to the bundle's log filter, once; does nothing when Logback is not SLF4J's backend. */
    public static void install() {
        LogRules.add(INSTANCE);
    }

    @Override
    public FilterReply decide(Logger logger, Level level, String format, Object[] params) {
        if (!HIBERNATE_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (level == Level.WARN) {
            Matcher m = SQL_ERROR.matcher(format);
            if (m.find()) {
                int code = Integer.parseInt(m.group(1));
                if (RefusalClassifier.isRefusal(code, m.group(2))) {
                    dropNextError.set(Boolean.TRUE);
                    return FilterReply.DENY;
                }
                if (RefusalClassifier.isRefusalByMessage(code)) {
                    dropNextError.set(Boolean.FALSE);
                    return FilterReply.DENY;
                }
                dropNextError.remove();
            }
        } else if (level == Level.ERROR && dropNextError.get() != null) {
            boolean always = dropNextError.get();
            dropNextError.remove();
            if (always || RefusalClassifier.isRefusal(1267, null, format)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
