package dev.hibernatelite.bench;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.util.Duration;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The pools under comparison, each configured the way its users get it.
 *
 * <ul>
 *   <li>{@code hikari}: HikariCP configured as dropwizard-hibernate-lite's {@code EngineBuilder#poolConfig}
 *       configures it for an engine with default settings: auto-commit off, connectionTimeout 5 s,
 *       validationTimeout 3 s, no test query (the driver's {@code isValid}), maxLifetime 30 min,
 *       initializationFailTimeout -1, metrics into a {@link MetricRegistry}.</li>
 *   <li>{@code tomcat-jdbc}: the pool dropwizard-db users get: {@link DataSourceFactory} with its
 *       defaults, only url, driverClass and the sizes (initialSize, minSize, maxSize) set, built
 *       and started as Dropwizard's lifecycle does ({@code build} then {@code start}).</li>
 * </ul>
 */
public final class Pools {
    /** Pool names accepted by {@link #create}. */
    public static final String HIKARI = "hikari";
    /** Pool names accepted by {@link #create}. */
    public static final String TOMCAT = "tomcat-jdbc";
    /** Diagnostic: the bundle's HikariCP configuration without a metric registry. */
    public static final String HIKARI_NO_METRICS = "hikari-no-metrics";
    /** Diagnostic: the bundle's HikariCP configuration with auto-commit on (HikariCP's default). */
    public static final String HIKARI_AUTO_COMMIT = "hikari-autocommit";

    private Pools() {
    }

    /** A started pool and how to close it. */
    public record Pool(String kind, DataSource dataSource, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing the " + kind + " pool failed", e);
            }
        }

        /** Waits (at most {@code timeoutMillis}) until the pool holds {@code size} connections. */
        public void awaitSize(int size, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (System.nanoTime() < deadline) {
                if (currentSize() >= size) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(kind + " pool did not reach " + size + " connections in "
                    + timeoutMillis + " ms (has " + currentSize() + ")");
        }

        /** @return the number of open connections, idle or in use */
        public int currentSize() {
            if (dataSource instanceof HikariDataSource h) {
                return h.getHikariPoolMXBean() == null ? 0 : h.getHikariPoolMXBean().getTotalConnections();
            }
            if (dataSource instanceof org.apache.tomcat.jdbc.pool.DataSourceProxy t) {
                return t.getPool() == null ? 0 : t.getPool().getSize();
            }
            throw new IllegalStateException("unknown pool " + dataSource);
        }
    }

    /**
     * @param kind {@link #HIKARI} or {@link #TOMCAT}
     * @param url the JDBC URL
     * @param size maximum and minimum number of connections
     * @return the started pool
     */
    public static Pool create(String kind, String url, int size) throws Exception {
        return switch (kind) {
            case HIKARI -> hikari(url, size, c -> { });
            case TOMCAT -> tomcat(url, size, f -> { });
            // Diagnostics, not in the default parameter list (pass with -p pool=...):
            case HIKARI_NO_METRICS -> hikari(url, size, c -> c.setMetricRegistry(null));
            case HIKARI_AUTO_COMMIT -> hikari(url, size, c -> c.setAutoCommit(true));
            default -> throw new IllegalArgumentException("unknown pool " + kind);
        };
    }

    /** @return HikariCP as the bundle configures it, then adjusted by {@code tweak} */
    public static Pool hikari(String url, int size, Consumer<HikariConfig> tweak) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hibernate-lite.bench");
        config.setJdbcUrl(url);
        config.setDriverClassName(BenchSettings.DRIVER);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(5));
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
        config.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
        config.setAutoCommit(false);
        config.setInitializationFailTimeout(-1);
        config.setMetricRegistry(new MetricRegistry());
        tweak.accept(config);
        HikariDataSource dataSource = new HikariDataSource(config);
        return new Pool(HIKARI, dataSource, dataSource::close);
    }

    /**
     * @return tomcat-jdbc built by Dropwizard's {@link DataSourceFactory} (its defaults; url,
     *         driverClass and sizes set), adjusted by {@code tweak}, then started
     * @throws Exception when {@link ManagedDataSource#start()} throws (it opens the initial connections)
     */
    public static Pool tomcat(String url, int size, Consumer<DataSourceFactory> tweak) throws Exception {
        DataSourceFactory factory = tomcatFactory(url, size);
        tweak.accept(factory);
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "bench");
        dataSource.start();
        return new Pool(TOMCAT, dataSource, dataSource::stop);
    }

    /** @return the factory {@link #tomcat} starts from */
    public static DataSourceFactory tomcatFactory(String url, int size) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(url);
        factory.setDriverClass(BenchSettings.DRIVER);
        factory.setInitialSize(size);
        factory.setMinSize(size);
        factory.setMaxSize(size);
        return factory;
    }

    /** @return the default wait for a connection of Dropwizard's {@link DataSourceFactory} */
    public static Duration tomcatDefaultMaxWait() {
        return new DataSourceFactory().getMaxWaitForConnection();
    }
}
