package dev.hibernatelite.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.internal.config.ReadSettings;

import java.sql.SQLException;

/**
 * One replica of an engine: its read pool and what the monitor last saw of it. Reads go to it
 * while it answers and is not further behind the primary than {@code maxReplicaLag}.
 *
 * <p>Internal: not part of the public API.
 */
public final class Replica {
    private final ReadSettings.ReplicaSettings settings;
    private final HikariDataSource pool;
    private volatile boolean up = true;
    private volatile boolean lagging;
    private volatile long lagMillis = -1;
    private volatile String problem = "not checked yet";

    Replica(ReadSettings.ReplicaSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** @return its name ({@code replica-1}) */
    public String name() {
        return settings.name();
    }

    /** @return its settings */
    public ReadSettings.ReplicaSettings settings() {
        return settings;
    }

    /** @return its read pool */
    public HikariDataSource pool() {
        return pool;
    }

    /** @return whether reads may go to it */
    public boolean usable() {
        return up && !lagging;
    }

    /** @return whether it answers */
    public boolean up() {
        return up;
    }

    /** @return how far it is behind the primary, in milliseconds; -1 when unknown */
    public long lagMillis() {
        return lagMillis;
    }

    /** @return why it is not usable, or what the monitor last saw */
    public String problem() {
        return problem;
    }

    /** @return a short description for logs: name, and why it is not usable */
    String describe() {
        return name() + ": " + problem;
    }

    /**
     * @param failure what failed
     * @return whether it was up until now
     */
    boolean markDown(SQLException failure) {
        boolean was = up;
        up = false;
        problem = "down: " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                : ": " + failure.getMessage());
        return was;
    }

    /**
     * @param lag how far behind the primary it is, in milliseconds
     * @param maxLagMillis how far it may be
     * @return whether it became usable or unusable
     */
    boolean observed(long lag, long maxLagMillis) {
        boolean before = usable();
        up = true;
        lagMillis = lag;
        lagging = lag > maxLagMillis;
        problem = lagging ? "lagging " + lag + " ms behind the primary (maxReplicaLag " + maxLagMillis + " ms)"
                : "replaying " + lag + " ms behind the primary";
        return before != usable();
    }

    /**
     * @param failure why the monitor could not reach it
     * @return whether it was up until now
     */
    boolean unreachable(SQLException failure) {
        return markDown(failure);
    }

    @Override
    public String toString() {
        return "Replica{" + settings.name() + ", " + settings.maskedUrl() + ", " + problem + "}";
    }
}
