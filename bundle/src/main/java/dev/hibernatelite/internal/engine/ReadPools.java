package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.ReadSettings;
import dev.hibernatelite.internal.message.ReadMessages;
import dev.hibernatelite.internal.message.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where an engine's read-only sessions get connections: a pool on each replica that is up and
 * not lagging (in turn), else a read-only pool on the primary, made on first use. Every read
 * pool hands out connections in auto-commit (each statement runs on its own: no BEGIN, COMMIT
 * or ROLLBACK on the wire) that the database holds read-only, and each connection it hands out
 * replays a statement that fails because its server went away on the next server
 * ({@link FailoverConnection}): a read-only statement has no side effects to repeat.
 *
 * <p>Internal: not part of the public API.
 */
public final class ReadPools implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadPools.class);

    private final EngineSettings settings;
    private final DatabaseInfo info;
    private final MetricRegistry metrics;
    private final EngineAvailability availability;
    private final List<Replica> replicas;
    private final ReplicaMonitor monitor;
    private final AtomicInteger next = new AtomicInteger();
    private final ConnectionGate gate;
    private volatile HikariDataSource primary;
    private volatile boolean onPrimary;

    private ReadPools(EngineSettings settings, DatabaseInfo info, MetricRegistry metrics,
                      EngineAvailability availability, List<Replica> replicas) {
        this.settings = settings;
        this.availability = availability;
        this.info = info;
        this.metrics = metrics;
        this.replicas = List.copyOf(replicas);
        // as many read-only sessions at once as the read pools have connections: one pool per
        // replica, else the primary's
        this.gate = new ConnectionGate(availability, settings.yamlPath(), PoolConfig.poolName(settings.name()) + ".read",
                settings.reads().maxSize() * Math.max(1, replicas.size()), settings.maxWaitMillis(), metrics);
        this.monitor = replicas.isEmpty() ? null : new ReplicaMonitor(settings.name(),
                settings.vendor() == DatabaseVendor.POSTGRESQL, this.replicas,
                settings.reads().maxReplicaLagMillis(), this::replicasChanged);
    }

    /**
     * Starts a pool on each replica (they connect in the background) and the replicas' monitor.
     *
     * @param settings the engine's settings
     * @param info what the primary said at startup, or null
     * @param metrics where the pools report, or null
     * @param availability the engine's availability (the primary's read pool follows it)
     * @return the read pools
     */
    static ReadPools start(EngineSettings settings, DatabaseInfo info, MetricRegistry metrics,
                           EngineAvailability availability) {
        List<Replica> replicas = new ArrayList<>();
        for (ReadSettings.ReplicaSettings replica : settings.reads().replicas()) {
            replicas.add(new Replica(replica, new HikariDataSource(readPoolConfig(settings, info, metrics,
                    replica.name(), replica.jdbcUrl(), replica.password(), settings.reads().maxSize()))));
        }
        if (settings.pgbouncer() && replicas.isEmpty()) {
            LOG.warn(ReadMessages.readOnlyNotEnforced(settings.name(), settings.yamlPath()));
        }
        ReadPools pools = new ReadPools(settings, info, metrics, availability, replicas);
        if (pools.monitor != null) {
            pools.monitor.start();
        }
        return pools;
    }

    /**
     * @param primaryOnly whether the context committed on this engine (read your writes)
     * @return a connection in auto-commit, read-only, that fails over; the caller closes it
     * @throws SQLException if no server hands one out
     */
    Connection borrow(boolean primaryOnly) throws SQLException {
        return FailoverConnection.open(this, primaryOnly);
    }

    /**
     * {@link #borrow}, through the read pools' {@link ConnectionGate}.
     *
     * @param primaryOnly whether the context committed on this engine (read your writes)
     * @return the connection and its place in the gate; the caller closes it
     * @throws SQLException if no server hands one out, or the gate lets none through in time
     */
    ReadConnection open(boolean primaryOnly) throws SQLException {
        return new ReadConnection(gate.open(() -> borrow(primaryOnly)), gate);
    }

    /**
     * The next server to read from: a usable replica in turn, else the primary.
     *
     * @param primaryOnly whether only the primary will do
     * @param skip replicas that failed during this borrow
     * @return the target
     */
    Target next(boolean primaryOnly, List<Replica> skip) {
        if (!primaryOnly) {
            int size = replicas.size();
            int start = Math.floorMod(next.getAndIncrement(), Math.max(1, size));
            for (int i = 0; i < size; i++) {
                Replica replica = replicas.get((start + i) % size);
                if (replica.usable() && !skip.contains(replica)) {
                    return new Target(replica, replica.pool());
                }
            }
        }
        return new Target(null, primaryPool());
    }

    /**
     * @param target a server to read from
     * @return a connection from its pool; from the primary, at once refused while the engine is down
     * @throws SQLException if the pool hands none out
     */
    Connection connect(Target target) throws SQLException {
        return target.replica() == null ? availability.borrow(target.pool()) : target.pool().getConnection();
    }

    /**
     * A replica's connection failed: take it out of the rotation until the monitor sees it back.
     *
     * @param replica the replica
     * @param failure what failed
     */
    void failed(Replica replica, SQLException failure) {
        if (replica.markDown(failure)) {
            LOG.warn(ReadMessages.replicaDown(settings.name(), replica.name(), replica.settings().configuredUrl(),
                    Secrets.describe(failure, settings.password())));
            replicasChanged();
        }
    }

    private void replicasChanged() {
        boolean none = !replicas.isEmpty() && replicas.stream().noneMatch(Replica::usable);
        if (none && !onPrimary) {
            onPrimary = true;
            LOG.warn(ReadMessages.readsOnPrimary(settings.name(), replicas.stream().map(Replica::describe)
                    .reduce((a, b) -> a + "; " + b).orElse("")));
        } else if (!none && onPrimary) {
            onPrimary = false;
            LOG.info("engine '{}': reads go to the replicas again", settings.name());
        }
    }

    /** @return the replicas and their state, for the health check */
    public List<Replica> replicas() {
        return replicas;
    }

    /** @return the engine's name */
    String engine() {
        return settings.name();
    }

    /** @return how many times a read may move to another server before it fails */
    int targets() {
        return replicas.size() + 1;
    }

    private HikariDataSource primaryPool() {
        HikariDataSource pool = primary;
        if (pool == null) {
            synchronized (this) {
                pool = primary;
                if (pool == null) {
                    HikariConfig config = readPoolConfig(settings, info, metrics, "read", settings.jdbcUrl(),
                            settings.password(), settings.reads().maxSize());
                    // on the primary, read connections are made when read-only work asks for them
                    config.setMinimumIdle(0);
                    config.setDataSource(new WatchedDataSource(config.getDataSource(), availability));
                    pool = new HikariDataSource(config);
                    primary = pool;
                }
            }
        }
        return pool;
    }

    private static HikariConfig readPoolConfig(EngineSettings s, DatabaseInfo info, MetricRegistry metrics,
                                               String role, String url, String password, int size) {
        HikariConfig config = PoolConfig.of(s, info, metrics, url, password);
        config.setPoolName("hibernate-lite." + s.name() + "." + role);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(true);
        config.setTransactionIsolation(null);
        String readOnly = s.pgbouncer() ? null : readOnlyStatement(s.vendor());
        if (readOnly != null) {
            // The database holds the connection read-only: a write fails there, whatever the code does.
            config.setDataSource(new ReadOnlySessionDataSource(config.getDataSource(), readOnly));
        }
        if (role.startsWith("replica")) {
            // a replica that does not hand out a connection quickly is passed over, not waited for
            config.setConnectionTimeout(Math.min(s.maxWaitMillis(), 1_000));
            config.setValidationTimeout(Math.min(s.validationTimeoutMillis(), 500));
        }
        return config;
    }

    /** @return the statement that makes a whole session read-only, or null where there is none */
    private static String readOnlyStatement(DatabaseVendor vendor) {
        if (vendor == DatabaseVendor.POSTGRESQL) {
            return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
        }
        return vendor.isMySqlFamily() ? "SET SESSION TRANSACTION READ ONLY" : null;
    }

    /** Stops the monitor and drains every read pool. */
    @Override
    public void close() {
        if (monitor != null) {
            monitor.close();
        }
        for (Replica replica : replicas) {
            replica.pool().close();
        }
        HikariDataSource pool = primary;
        if (pool != null) {
            pool.close();
        }
        gate.close();
    }

    /**
     * A server to read from.
     *
     * @param replica the replica, or null for the primary
     * @param pool its read pool
     */
    record Target(Replica replica, HikariDataSource pool) {
    }
}
