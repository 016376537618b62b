package dev.hibernatelite.internal.message;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.util.Arrays;

/**
 * The bundle's one logback turbo filter: it asks each {@link Rule} that parts of the bundle
 * added (the outage lines, the refusals) whether to drop a line that Hibernate or HikariCP is
 * about to write.
 *
 * <p>One filter rather than one per rule, because logback runs turbo filters on every
 * {@code isDebugEnabled()} and every log call of every library, and with two or more it copies
 * its filter list on each of those calls; and calls without a message ({@code isXxxEnabled()})
 * return at once, before any rule runs.
 *
 * <p>Internal: not part of the public API.
 */
public final class LogRules extends TurboFilter {
    /** Decides about one line that is about to be written. */
    @FunctionalInterface
    public interface Rule {
        /**
         * @param logger the line's logger
         * @param level its level
         * @param format its message pattern, never null
         * @param params its arguments, or null
         * @return {@link FilterReply#DENY} to drop the line, {@link FilterReply#NEUTRAL} to leave it to the others
         */
        FilterReply decide(Logger logger, Level level, String format, Object[] params);
    }

    private volatile Rule[] rules = new Rule[0];

    private LogRules() {
        setName("hibernate-lite log rules");
    }

    /**
     * Adds a rule to the filter, installing the filter in logback's context first if needed; a
     * rule already added is not added again. Does nothing when logback is not SLF4J's backend.
     *
     * @param rule the rule
     */
    public static void add(Rule rule) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        synchronized (LogRules.class) {
            LogRules filter = null;
            for (TurboFilter installed : context.getTurboFilterList()) {
                if (installed instanceof LogRules own) {
                    filter = own;
                }
            }
            if (filter == null) {
                filter = new LogRules();
                filter.setContext(context);
                filter.start();
                context.addTurboFilter(filter);
            }
            if (!Arrays.asList(filter.rules).contains(rule)) {
                Rule[] more = Arrays.copyOf(filter.rules, filter.rules.length + 1);
                more[more.length - 1] = rule;
                filter.rules = more;
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (format == null || level == null) {
            return FilterReply.NEUTRAL;
        }
        for (Rule rule : rules) {
            FilterReply reply = rule.decide(logger, level, format, params);
            if (reply != FilterReply.NEUTRAL) {
                return reply;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
