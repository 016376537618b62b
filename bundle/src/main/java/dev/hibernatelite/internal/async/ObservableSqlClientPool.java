package dev.hibernatelite.internal.async;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.spi.Driver;
import org.hibernate.reactive.pool.impl.DefaultSqlClientPool;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

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

    /** Instantiated by Hibernate Reactive. */
    public ObservableSqlClientPool() {
    }

    /** @return the Vert.x pool, or null before the service started */
    public Pool vertxPool() {
        return getPool();
    }

    @Override
    protected Pool createPool(URI uri, SqlConnectOptions connectOptions, PoolOptions poolOptions, Vertx vertx) {
        if (connectOptions.getPassword() == null) {
            // the MySQL client drops the connection during authentication on a null password
            connectOptions.setPassword("");
        }
        String wanted = DRIVERS.get(uri.getScheme().toLowerCase(Locale.ROOT));
        for (Driver driver : ServiceLoader.load(Driver.class, ObservableSqlClientPool.class.getClassLoader())) {
            if (driver.getClass().getName().equals(wanted)) {
                return driver.createPool(vertx, List.of(connectOptions), poolOptions);
            }
        }
        return super.createPool(uri, connectOptions, poolOptions, vertx);
    }
}
