package dev.hibernatelite.internal.web;

import org.slf4j.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * At most one WARN per engine per {@link #INTERVAL_MILLIS} for a kind of failed request; the
 * next line says how many were left out meanwhile. Each left-out request is logged at DEBUG,
 * with its stack trace; no WARN carries one.
 *
 * <p>Internal: not part of the public API.
 */
final class RateLimitedLog {
    /** At most one line per engine per ten seconds. */
    static final long INTERVAL_MILLIS = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param log where to write
     * @param engine the engine, or null when it is not known
     * @param text the line, given what to append about the requests left out (empty when none)
     * @param failure the failure, logged at DEBUG
     */
    void warn(Logger log, String engine, Function<String, String> text, Throwable failure) {
        Window window = windows.computeIfAbsent(engine == null ? "" : engine, e -> new Window());
        long now = System.nanoTime();
        long last = window.last.get();
        if (last != 0 && now - last < TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS)
                || !window.last.compareAndSet(last, now == 0 ? 1 : now)) {
            window.skipped.incrementAndGet();
            log.debug("a request failed (engine {})", engine, failure);
            return;
        }
        long skipped = window.skipped.getAndSet(0);
        log.warn(text.apply(skipped == 0 ? "" : " (" + skipped + " more like it in the last "
                + TimeUnit.MILLISECONDS.toSeconds(INTERVAL_MILLIS) + " s were not logged)"));
        log.debug("the failure", failure);
    }

    private static final class Window {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
    }
}
