package dev.hibernatelite.internal.context;

import dev.hibernatelite.internal.message.ServiceMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The WARN a request gets when it ends with changed entities it did not commit (the bundle rolls
 * them back, as always): at most one per route per minute, the next one saying how many were
 * not logged meanwhile.
 *
 * <p>Internal: not part of the public API.
 */
public final class UncommittedWarnings {
    /** How long a route stays quiet after its WARN. */
    static final long QUIET_NANOS = 60_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(UncommittedWarnings.class);

    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Warnings on the system's clock. */
    public UncommittedWarnings() {
        this(System::nanoTime);
    }

    UncommittedWarnings(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * @param route the request's route ({@code POST /notes/{id}})
     * @param engine the engine whose session had the changes
     * @param types the entity types changed
     * @return whether it was logged (false while the route is quiet)
     */
    boolean warn(String route, String engine, Set<String> types) {
        long now = clock.getAsLong();
        Window window = windows.computeIfAbsent(route, r -> new Window());
        long skipped;
        synchronized (window) {
            if (window.loggedAt != Long.MIN_VALUE && now - window.loggedAt < QUIET_NANOS) {
                window.skipped++;
                return false;
            }
            skipped = window.skipped;
            window.loggedAt = now;
            window.skipped = 0;
        }
        LOG.warn(ServiceMessages.uncommittedChanges(route, engine, types, skipped));
        return true;
    }

    /** When a route last logged, and how many it did not log since. */
    private static final class Window {
        private long loggedAt = Long.MIN_VALUE;
        private long skipped;
    }
}
