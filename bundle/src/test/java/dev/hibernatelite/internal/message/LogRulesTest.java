package dev.hibernatelite.internal.message;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LogRulesTest {
    private static final String QUIET = "dev.hibernatelite.test.LogRulesTest.quiet";
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void rulesAddedAnyNumberOfTimesShareOneTurboFilter() {
        LogRules.Rule rule = (logger, level, format, params) -> FilterReply.NEUTRAL;
        LogRules.add(rule);
        LogRules.add(rule);
        LogRules.add((logger, level, format, params) -> FilterReply.NEUTRAL);

        assertThat(context.getTurboFilterList().stream().filter(LogRules.class::isInstance)).hasSize(1);
    }

    @Test
    void aLineOneRuleDeniesIsNotWritten() {
        LogRules.add((logger, level, format, params) -> FilterReply.NEUTRAL);
        LogRules.add((logger, level, format, params) ->
                logger.getName().equals(QUIET) && format.startsWith("drop") ? FilterReply.DENY : FilterReply.NEUTRAL);
        Logger logger = context.getLogger(QUIET);

        assertThat(filter().decide(null, logger, Level.WARN, "drop this", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter().decide(null, logger, Level.WARN, "keep this", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void levelChecksWithoutAMessageNeverReachTheRules() {
        AtomicInteger asked = new AtomicInteger();
        LogRules.add((logger, level, format, params) -> {
            asked.incrementAndGet();
            return FilterReply.NEUTRAL;
        });
        Logger logger = context.getLogger(QUIET);

        boolean enabled = logger.isDebugEnabled();
        logger.info("a line with a message");

        assertThat(enabled).isFalse();
        assertThat(asked).hasValue(1);
    }

    private TurboFilter filter() {
        return context.getTurboFilterList().stream().filter(LogRules.class::isInstance).findFirst().orElseThrow();
    }
}
