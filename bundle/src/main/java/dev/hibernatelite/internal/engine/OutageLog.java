package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.message.OutageMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What an engine's outage writes to the log: one WARN when the database goes down (with the
 * cause, masked), at most one WARN summary per {@link #SUMMARY_INTERVAL_MILLIS} while it stays
 * down, one INFO when it answers again (how long, how many requests were refused). Requests
 * refused meanwhile log nothing above DEBUG.
 *
 * <p>Internal: not part of the public API.
 */
final class OutageLog {
    /** At most one "still down" line per engine per minute. */
    static final long SUMMARY_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);
    private static final Logger LOG = LoggerFactory.getLogger(EngineAvailability.class);

    private final String engine;
    private final String url;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastLine;

    OutageLog(String engine, String url) {
        this(engine, url, SUMMARY_INTERVAL_MILLIS, System::nanoTime);
    }

    OutageLog(String engine, String url, long intervalMillis, LongSupplier nanoTime) {
        this.engine = engine;
        this.url = url;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoTime = nanoTime;
    }

    /**
     * @param cause why, masked
     * @param quiet whether another message said so already (the startup warning)
     */
    synchronized void down(String cause, boolean quiet) {
        lastLine = nanoTime.getAsLong();
        if (!quiet) {
            LOG.warn(OutageMessages.engineDown(engine, url, cause));
        }
    }

    /**
     * A probe failed again: a summary if the last line is older than the interval.
     *
     * @param downSince when the outage began ({@link System#nanoTime()})
     * @param refused requests refused so far
     * @param cause the probe's failure, masked
     * @return whether a line was written
     */
    synchronized boolean stillDown(long downSince, long refused, String cause) {
        long now = nanoTime.getAsLong();
        if (now - lastLine < intervalNanos) {
            return false;
        }
        lastLine = now;
        LOG.warn(OutageMessages.engineStillDown(engine, TimeUnit.NANOSECONDS.toSeconds(now - downSince), refused,
                cause));
        return true;
    }

    /**
     * @param downMillis how long it was down
     * @param refused requests refused meanwhile
     */
    void back(long downMillis, long refused) {
        LOG.info(OutageMessages.engineBack(engine, downMillis, refused));
    }

    /**
     * @param count pooled connections that broke
     * @param last what the last one said
     */
    void connectionsBroke(long count, String last) {
        LOG.warn(OutageMessages.connectionsBroke(engine, count, last));
    }
}
