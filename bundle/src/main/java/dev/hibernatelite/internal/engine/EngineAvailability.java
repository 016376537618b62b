package dev.hibernatelite.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether an engine's database is known to be down, and what follows from it. Once opening a
 * connection fails because the database cannot be reached (see {@link ConnectionFailures#meansDown}),
 * the engine is down: requests that need a connection get an {@link EngineDownException} at once
 * (they answer 503) instead of each waiting {@code maxWaitForConnection}, requests already waiting
 * in the pool are woken to get the same, and the pool's own connection attempts are held back
 * ({@link WatchedDataSource}). One background thread, the probe, opens a connection outside the pool
 * every {@link #PROBE_MILLIS} ms; when one opens, the engine is up again and the pool connects at
 * once. {@link OutageLog} writes the outage to the log.
 *
 * <p>Internal: not part of the public API.
 */
public final class EngineAvailability implements AutoCloseable {
    /** How often the probe tries the database while it is down, for the first {@link #SLOW_PROBING_AFTER_MILLIS}. */
    static final long PROBE_MILLIS = 250;
    /** After this long down, the probe tries once a second: a refused login is not retried 4 times a second. */
    static final long SLOW_PROBING_AFTER_MILLIS = 30_000;
    /** How long after a broken pooled connection the probe checks whether the database answers. */
    private static final long SUSPECT_DELAY_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(EngineAvailability.class);
    private static final List<EngineAvailability> OPEN = new CopyOnWriteArrayList<>();

    /** Opens (and closes) one connection outside the pool. */
    @FunctionalInterface
    interface Probe {
        void connect() throws Exception;
    }

    private final String engine;
    private final String password;
    private final Probe probe;
    private final OutageLog log;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();
    // the threads waiting in the pool; marking the engine down wakes them (ConcurrentHashMap, not
    // the lock: every borrow passes here)
    private final ConcurrentMap<Thread, Waiter> waiting = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    private final AtomicLong probeTicks = new AtomicLong();
    private volatile boolean down;
    private volatile long downSince;
    private volatile Instant downAt;
    private volatile String cause;
    private volatile String lastBroken;
    private ScheduledFuture<?> probing;
    private boolean suspectCheckScheduled;
    private boolean closed;

    EngineAvailability(String engine, String url, String password, Probe probe, OutageLog log) {
        this.engine = engine;
        this.password = password;
        this.probe = probe;
        this.log = log;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "hibernate-lite." + engine + ".probe");
            t.setDaemon(true);
            return t;
        });
        OPEN.add(this);
        OutageLogFilter.install();
    }

    /**
     * @param settings the engine's settings
     * @return the engine's availability, up until a connection fails
     */
    static EngineAvailability of(EngineSettings settings) {
        long timeout = Math.min(settings.maxWaitMillis(), 2_000);
        return new EngineAvailability(settings.name(), settings.configuredUrl(), settings.password(),
                () -> DatabaseProbe.connect(settings, settings.jdbcUrl(), timeout).close(),
                new OutageLog(settings.name(), settings.configuredUrl()));
    }

    /** @return the engine's name */
    public String engine() {
        return engine;
    }

    /** @return whether the engine serves requests (its database is not known to be down) */
    public boolean up() {
        return !down;
    }

    /** @return how many requests were refused since the database went down (0 while up) */
    public long refused() {
        return down ? refused.get() : 0;
    }

    /** @return what the health check says while the database is down, or null while it is up */
    public String describeDown() {
        if (!down) {
            return null;
        }
        return "down for " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince) + " ms (since " + downAt
                + "), " + refused.get() + " requests answered 503 without waiting; a background probe connects every "
                + PROBE_MILLIS + " ms (every second after " + SLOW_PROBING_AFTER_MILLIS / 1000 + " s). Last failure: "
                + cause;
    }

    /**
     * A connection from the pool, or a refusal at once while the database is down. A caller
     * waiting in the pool when the database goes down is woken and refused too.
     *
     * @param pool the pool
     * @return the connection
     * @throws SQLException an {@link EngineDownException} while down, else what the pool throws
     */
    Connection borrow(HikariDataSource pool) throws SQLException {
        return await(pool::getConnection);
    }

    /**
     * Waits for what a connection needs (the pool, or the engine's {@link ConnectionGate}), or is
     * refused at once while the database is down; a wait under way when it goes down is woken and
     * refused too.
     *
     * @param wait the wait, ended by an interrupt
     * @param <T> what it yields
     * @return what it yields
     * @throws SQLException an {@link EngineDownException} while down, else what the wait throws
     */
    <T> T await(Wait<T> wait) throws SQLException {
        checkUp();
        Thread me = Thread.currentThread();
        Waiter waiter = new Waiter();
        waiting.put(me, waiter);
        try {
            return wait.run();
        } catch (SQLException e) {
            if (down || waiter.woken) {
                // down now, or woken because it went down (and perhaps up again since): not the pool's failure
                throw refusal();
            }
            throw e;
        } finally {
            // after the removal no one wakes this thread; an interrupt sent before it is cleared here
            waiting.remove(me);
            if (waiter.woken) {
                Thread.interrupted();
            }
        }
    }

    /** A wait for a connection that an interrupt ends with an {@link SQLException}. */
    @FunctionalInterface
    interface Wait<T> {
        T run() throws SQLException;
    }

    /**
     * @throws EngineDownException while the database is down (counted as a refused request)
     */
    void checkUp() throws EngineDownException {
        if (down) {
            throw refusal();
        }
    }

    private EngineDownException refusal() {
        refused.incrementAndGet();
        EngineDownException refusal = new EngineDownException(engine,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince), cause);
        LOG.debug("engine '{}': request refused, the database is down", engine, refusal);
        return refusal;
    }

    /**
     * Opening a connection failed: if it says the database cannot be reached, the engine is down.
     *
     * @param failure why
     */
    void connectFailed(Throwable failure) {
        if (ConnectionFailures.meansDown(failure)) {
            markDown(Secrets.describe(failure, password), false);
        } else {
            LOG.debug("engine '{}': a connection could not be opened, the engine stays up", engine, failure);
        }
    }

    /**
     * @param failure why the engine's database could not be reached at startup (already reported)
     */
    void downAtStartup(Throwable failure) {
        markDown(Secrets.describe(failure, password), true);
    }

    /**
     * A pooled connection broke (HikariCP said so): check soon whether the database still answers.
     *
     * @param what what HikariCP said
     */
    void connectionBroke(String what) {
        broken.incrementAndGet();
        lastBroken = what;
        synchronized (lock) {
            if (closed || down || suspectCheckScheduled) {
                return;
            }
            suspectCheckScheduled = true;
            thread.schedule(this::checkSuspect, SUSPECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void checkSuspect() {
        synchronized (lock) {
            suspectCheckScheduled = false;
            if (down) {
                broken.set(0);
                return;
            }
        }
        try {
            probe.connect();
            long count = broken.getAndSet(0);
            if (count > 0 && !down) {
                log.connectionsBroke(count, lastBroken);
            }
        } catch (Exception e) {
            broken.set(0);
            connectFailed(e);
        }
    }

    private void markDown(String why, boolean quiet) {
        synchronized (lock) {
            cause = why;
            if (down || closed) {
                return;
            }
            downSince = System.nanoTime();
            downAt = Instant.now();
            refused.set(0);
            down = true;
            for (Thread t : waiting.keySet()) {
                waiting.computeIfPresent(t, (waitingThread, waiter) -> {
                    if (!waiter.woken) {
                        waiter.woken = true;
                        waitingThread.interrupt();
                    }
                    return waiter;
                });
            }
            probing = thread.scheduleWithFixedDelay(this::probeOnce, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        }
        log.down(why, quiet);
    }

    private void probeOnce() {
        long downFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince);
        if (downFor > SLOW_PROBING_AFTER_MILLIS && probeTicks.incrementAndGet() % 4 != 0) {
            return;
        }
        try {
            probe.connect();
        } catch (Exception e) {
            cause = Secrets.describe(e, password);
            log.stillDown(downSince, refused.get(), cause);
            return;
        } catch (Throwable t) {
            LOG.debug("engine '{}': probe failed", engine, t);
            return;
        }
        long millis;
        synchronized (lock) {
            if (!down) {
                return;
            }
            down = false;
            broken.set(0);
            millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince);
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
            lock.notifyAll();
        }
        log.back(millis, refused.get());
    }

    /**
     * Holds back one of the pool's own connection attempts while the database is down, so that
     * only the probe connects, and the pool connects the moment the probe succeeds.
     *
     * @param maxMillis the longest to wait
     * @return whether the engine is up
     * @throws SQLException if interrupted
     */
    boolean awaitUp(long maxMillis) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (lock) {
            while (down && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the database of engine '" + engine + "' is down", e);
                }
            }
            return !down;
        }
    }

    /** @return the last failure, masked, while down */
    String cause() {
        return cause;
    }

    /**
     * @param poolName a HikariCP pool name
     * @return the availability whose engine that pool (the engine's own, or its read pool on the primary)
     *         belongs to, or null
     */
    static EngineAvailability ofPool(String poolName) {
        for (EngineAvailability a : OPEN) {
            String own = "hibernate-lite." + a.engine;
            if (poolName.equals(own) || poolName.equals(own + ".read")) {
                return a;
            }
        }
        return null;
    }

    /** @return whether any open engine is down */
    static boolean anyDown() {
        for (EngineAvailability a : OPEN) {
            if (a.down) {
                return true;
            }
        }
        return false;
    }

    /** Stops the probe and releases the pool's held-back connection attempts. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        thread.shutdownNow();
        OPEN.remove(this);
    }

    @Override
    public String toString() {
        return "EngineAvailability{" + engine + (down ? ", down: " + cause : ", up") + "}";
    }

    /** A thread waiting in the pool; {@code woken} is set, under the map's lock for its key, when it is woken. */
    private static final class Waiter {
        private volatile boolean woken;
    }
}
