package dev.hibernatelite.internal.async;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.spi.Driver;
import org.hibernate.reactive.pool.impl.DefaultSqlClientPool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Hibernate Reactive's own pool, with three changes: its Vert.x {@link Pool} is reachable for
 * metrics and the health check, a missing password is an empty one (the MySQL client fails
 * mid-handshake on none), and the Vert.x driver is chosen by the URL's scheme. (Left to
 * Vert.x, generic connect options go to the first driver on the classpath that accepts them:
 * with both the PostgreSQL and the MySQL client present, a {@code mariadb://} engine would talk
 * PostgreSQL's protocol to MariaDB.) Configured through {@code hibernate.vertx.pool.class}.
 *
 * <p>Internal: not part of the public API.
 */
public class ObservableSqlClientPool extends DefaultSqlClientPool {
    private static final Map<String, String> DRIVERS = Map.of(
            "postgresql", "io.vertx.pgclient.spi.PgDriver",
            "postgres", "io.vertx.pgclient.spi.PgDriver",
            "cockroachdb", "io.vertx.pgclient.spi.PgDriver",
            "mysql", "io.vertx.mysqlclient.spi.MySQLDriver",
            "mariadb", "io.vertx.mysqlclient.spi.MySQLDriver",
            "db2", "io.vertx.db2client.spi.DB2Driver",
            "sqlserver", "io.vertx.mssqlclient.spi.MSSQLDriver",
            "oracle", "io.vertx.oracleclient.spi.OracleDriver");

    /** The tenant id of read-only sessions: they get connections from the read-only pool. */
    static final String READ_ONLY = "hibernate-lite-read-only";

    private volatile AsyncIsolation isolation;
    private volatile Pool readOnlyPool;
    private URI uri;
    private SqlConnectOptions connectOptions;
    private PoolOptions poolOptions;
    private Vertx vertx;

    /** Instantiated by Hibernate Reactive. */
    public ObservableSqlClientPool() {
    }

    /** @return the Vert.x pool, or null before the service started */
    public Pool vertxPool() {
        return super.getPool();
    }

    /**
     * The pool as users get it ({@code db.async().pool()}): the Vert.x pool, except that while a
     * test isolation runs, {@code getConnection()}, {@code withConnection} and
     * {@code withTransaction} are served by the isolation's connection.
     *
     * @return the view
     */
    Pool userView() {
        return (Pool) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Pool.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        // withConnection / withTransaction: through this view's getConnection()
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    AsyncIsolation current = isolation;
                    if (current != null && method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return current.borrow();
                    }
                    try {
                        return method.invoke(vertxPool(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    protected Pool getPool() {
        Pool pool = super.getPool();
        AsyncIsolation current = isolation;
        return current == null || pool == null ? pool : isolated(pool, current);
    }

    /**
     * Starts a test isolation: from now on sessions get views of one connection held in a transaction.
     *
     * @param timeoutMillis how long to wait for the connection
     * @throws Exception if no connection could be had in time
     */
    synchronized void isolate(long timeoutMillis) throws Exception {
        if (isolation != null) {
            throw new IllegalStateException("already in a test isolation");
        }
        isolation = AsyncIsolation.start(super.getPool()).toCompletionStage().toCompletableFuture()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the test isolation, rolling back everything done in it.
     *
     * @param timeoutMillis how long to wait for the rollback
     * @throws Exception if the rollback failed or did not finish in time
     */
    synchronized void endIsolation(long timeoutMillis) throws Exception {
        AsyncIsolation current = isolation;
        isolation = null;
        if (current != null) {
            current.end().toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static Pool isolated(Pool pool, AsyncIsolation isolation) {
        return (Pool) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Pool.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return isolation.borrow();
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Read-only sessions (opened with the tenant id {@link #READ_ONLY}) get connections from a pool
     * of their own, made on first use, whose connections the database holds read-only.
     */
    @Override
    protected Pool getTenantPool(String tenantId) {
        if (!READ_ONLY.equals(tenantId)) {
            return super.getTenantPool(tenantId);
        }
        Pool pool = readOnlyPool;
        if (pool == null) {
            synchronized (this) {
                pool = readOnlyPool;
                if (pool == null) {
                    pool = driverPool(uri, connectOptions, poolOptions, vertx);
                    String readOnly = uri.getScheme().toLowerCase(Locale.ROOT).startsWith("m")
                            ? "SET SESSION TRANSACTION READ ONLY" : "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
                    pool.connectHandler(connection -> connection.query(readOnly).execute()
                            .onComplete(done -> connection.close()));
                    readOnlyPool = pool;
                }
            }
        }
        AsyncIsolation current = isolation;
        return current == null ? pool : isolated(pool, current);
    }

    @Override
    public void stop() {
        try {
            Pool pool = readOnlyPool;
            if (pool != null) {
                pool.close();
            }
        } finally {
            super.stop();
        }
    }

    @Override
    protected Pool createPool(URI uri, SqlConnectOptions connectOptions, PoolOptions poolOptions, Vertx vertx) {
        if (connectOptions.getPassword() == null) {
            // the MySQL client drops the connection during authentication on a null password
            connectOptions.setPassword("");
        }
        this.uri = uri;
        this.connectOptions = connectOptions;
        this.poolOptions = poolOptions;
        this.vertx = vertx;
        return driverPool(uri, connectOptions, poolOptions, vertx);
    }

    private Pool driverPool(URI uri, SqlConnectOptions connectOptions, PoolOptions poolOptions, Vertx vertx) {
        String wanted = DRIVERS.get(uri.getScheme().toLowerCase(Locale.ROOT));
        for (Driver driver : ServiceLoader.load(Driver.class, ObservableSqlClientPool.class.getClassLoader())) {
            if (driver.getClass().getName().equals(wanted)) {
                return driver.createPool(vertx, List.of(connectOptions), poolOptions);
            }
        }
        return super.createPool(uri, connectOptions, poolOptions, vertx);
    }
}
