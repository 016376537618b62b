package dev.hibernatelite.bench.app;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.HibernateLite;
import io.dropwizard.core.Application;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.hibernate.HibernateBundle;
import io.dropwizard.lifecycle.Managed;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One Dropwizard application, four route families, one per JVM: the same routes
 * ({@code GET /items/{id}}, {@code GET /items?after=&limit=}, {@code GET /items/{id}/parts},
 * {@code POST /items}, and {@code GET /ping}, which touches no database) on the same tables, pool
 * size and JSON, written with
 *
 * <ul>
 *   <li>{@code lite}: this bundle ({@code db.session()}, {@code db.commit()}), engines from the
 *       YAML's {@code engines};</li>
 *   <li>{@code dwh}: dropwizard-hibernate, {@code @UnitOfWork} and a DAO, its tomcat-jdbc pool
 *       from the YAML's {@code database} ({@code DataSourceFactory});</li>
 *   <li>{@code hibernate}: hand-wired Hibernate, a session per method via
 *       {@code SessionFactory.fromTransaction}, on a HikariCP pool (the YAML's {@code jdbc});</li>
 *   <li>{@code jdbc}: plain JDBC on a HikariCP pool with auto-commit on, the floor.</li>
 * </ul>
 *
 * <p>Which family, and the diagnostics, come from system properties because bundles are added
 * before the configuration is read: {@code bench.mode}, {@code bench.entities} (how many entity
 * classes to map, default and at least 2: {@link Item} and {@link Part}; more are generated),
 * {@code bench.routes} (see {@link #ROUTES}).
 *
 * <p>When the server has started it prints one line, {@code BENCH-READY {...}}, with its startup
 * timings; {@code GET /bench/info} reports borrowed connections between measurements.
 *
 * <p>Usage: {@code java -Dbench.mode=lite -cp benchmarks.jar dev.hibernatelite.bench.app.BenchApp server bench.yml}
 */
public class BenchApp extends Application<BenchConfig> {
    /** System property naming the route family. */
    public static final String MODE = "bench.mode";
    /** System property: how many entity classes the Hibernate families map (the startup measurement). */
    public static final String ENTITIES = "bench.entities";
    /** The entity classes every application maps (more are generated for the startup measurement). */
    public static final int BASE_ENTITIES = 2;
    /**
     * System property: how the routes are written. The bundle: {@code commit} (the default),
     * {@code readOnly} (the read routes {@code @ReadOnly}), {@code commitOnSuccess},
     * {@code releaseBeforeWrite}. Hand-wired Hibernate: {@code transaction} (the default),
     * {@code readOnly} (reads in a read-only session without flush or transaction, on an
     * auto-commit pool).
     */
    public static final String ROUTES = "bench.routes";
    /** The line the application prints when it serves. */
    public static final String READY = "BENCH-READY ";

    private final String mode;
    private final List<Class<?>> entities;
    private final long generateMillis;
    private HibernateLite<BenchConfig> db;
    private HibernateBundle<BenchConfig> dwh;
    private long databaseStartNanos;
    private long databaseEndNanos;

    public BenchApp(String mode, List<Class<?>> entities, long generateMillis) {
        this.mode = mode;
        this.entities = entities;
        this.generateMillis = generateMillis;
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty(MODE, "lite");
        int count = Integer.getInteger(ENTITIES, BASE_ENTITIES);
        long t0 = System.nanoTime();
        List<Class<?>> entities = new ArrayList<>(List.of(Item.class, Part.class));
        if (count > BASE_ENTITIES) {
            entities.addAll(GeneratedEntities.create(count - BASE_ENTITIES));
        }
        long generateMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        new BenchApp(mode, entities, generateMillis).run(args);
    }

    @Override
    public String getName() {
        return "bench-" + mode;
    }

    @Override
    public void initialize(Bootstrap<BenchConfig> bootstrap) {
        bootstrap.addBundle(new ConfiguredBundle<>() {
            @Override
            public void run(BenchConfig configuration, Environment environment) {
                databaseStartNanos = System.nanoTime();
            }
        });
        switch (mode) {
            case "lite" -> {
                db = HibernateLite.<BenchConfig>builder()
                        .engines(BenchConfig::getEngines)
                        .entities(entities.toArray(Class<?>[]::new))
                        .build();
                bootstrap.addBundle(db);
            }
            case "dwh" -> {
                dwh = new HibernateBundle<>(entities.get(0), entities.subList(1, entities.size()).toArray(Class<?>[]::new)) {
                    @Override
                    public PooledDataSourceFactory getDataSourceFactory(BenchConfig configuration) {
                        return configuration.getDatabase();
                    }
                };
                bootstrap.addBundle(dwh);
            }
            case "jdbc", "hibernate" -> {
                // built in run()
            }
            default -> throw new IllegalArgumentException("unknown " + MODE + " '" + mode
                    + "': lite, dwh, hibernate or jdbc");
        }
        bootstrap.addBundle(new ConfiguredBundle<>() {
            @Override
            public void run(BenchConfig configuration, Environment environment) {
                databaseEndNanos = System.nanoTime();
            }
        });
    }

    @Override
    public void run(BenchConfig config, Environment env) {
        long runStart = System.nanoTime();
        LongSupplier borrows;
        String pool;
        Map<String, Object> facts = new LinkedHashMap<>();
        switch (mode) {
            case "lite" -> {
                String routes = System.getProperty(ROUTES, "commit");
                switch (routes) {
                    case "commit" -> env.jersey().register(new LiteItemResource(db, false));
                    case "readOnly" -> env.jersey().register(new LiteReadOnlyItemResource(db));
                    case "releaseBeforeWrite" -> env.jersey().register(new LiteItemResource(db, true));
                    case "commitOnSuccess" -> env.jersey().register(new LiteCommitOnSuccessResource(db));
                    default -> throw new IllegalArgumentException("unknown " + ROUTES + " '" + routes + "'");
                }
                // the engine's pool, and with @ReadOnly its read pools (".read", ".replica-1")
                pool = "hibernate-lite.default";
                borrows = () -> env.metrics().getTimers((name, metric) -> name.startsWith(pool)
                        && name.endsWith(".pool.Wait")).values().stream().mapToLong(Timer::getCount).sum();
                facts.put("routes", routes);
                facts.put("statistics", db.sessionFactory().getStatistics().isStatisticsEnabled());
            }
            case "dwh" -> {
                SessionFactory sessionFactory = dwh.getSessionFactory();
                env.jersey().register(new DwhItemResource(new ItemDao(sessionFactory)));
                org.apache.tomcat.jdbc.pool.DataSourceProxy tomcat = (org.apache.tomcat.jdbc.pool.DataSourceProxy)
                        unwrapDataSource(sessionFactory);
                pool = null;
                borrows = tomcat::getBorrowedCount;
                facts.put("statistics", sessionFactory.getStatistics().isStatisticsEnabled());
            }
            case "jdbc", "hibernate" -> {
                BenchConfig.JdbcSettings jdbc = config.getJdbc();
                String routes = System.getProperty(ROUTES, "transaction");
                boolean readOnly = switch (routes) {
                    case "transaction" -> false;
                    case "readOnly" -> true;
                    default -> throw new IllegalArgumentException("unknown " + ROUTES + " '" + routes + "'");
                };
                // JDBC, and hand-wired Hibernate reading outside transactions, want auto-commit on.
                boolean autoCommit = "jdbc".equals(mode) || readOnly;
                pool = "bench." + mode;
                HikariDataSource hikari = hikari(pool, jdbc, autoCommit, env.metrics());
                CountingDataSource counting = new CountingDataSource(hikari);
                borrows = counting::borrows;
                if ("jdbc".equals(mode)) {
                    env.jersey().register(new JdbcItemResource(counting));
                    env.lifecycle().manage(new Managed() {
                        @Override
                        public void stop() {
                            hikari.close();
                        }
                    });
                } else {
                    StandardServiceRegistry registry = handWiredRegistry(counting, !autoCommit, jdbc.hibernateProperties());
                    MetadataSources sources = new MetadataSources(registry);
                    entities.forEach(sources::addAnnotatedClass);
                    SessionFactory sessionFactory = sources.buildMetadata().buildSessionFactory();
                    env.jersey().register(new HandWiredItemResource(sessionFactory, readOnly));
                    facts.put("routes", routes);
                    env.lifecycle().manage(new Managed() {
                        @Override
                        public void stop() {
                            sessionFactory.close();
                            StandardServiceRegistryBuilder.destroy(registry);
                            hikari.close();
                        }
                    });
                    facts.put("statistics", sessionFactory.getStatistics().isStatisticsEnabled());
                }
                facts.put("poolMetrics", jdbc.poolMetrics());
            }
            default -> throw new IllegalStateException(mode);
        }
        long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runStart);
        env.jersey().register(new PingResource());
        env.jersey().register(new BenchInfoResource(() -> info(env.metrics(), pool, borrows, facts)));
        env.lifecycle().addServerLifecycleListener(server -> {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long database = TimeUnit.NANOSECONDS.toMillis(databaseEndNanos - databaseStartNanos) + runMillis;
            System.out.printf(Locale.ROOT, "%s{\"mode\":\"%s\",\"entities\":%d,\"uptimeMs\":%d,\"generateMs\":%d,"
                            + "\"databaseSetupMs\":%d}%n", READY, mode, entities.size(), uptime, generateMillis, database);
            System.out.flush();
        });
    }

    private Map<String, Object> info(MetricRegistry metrics, String pool, LongSupplier borrows, Map<String, Object> facts) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mode", mode);
        info.put("borrows", borrows.getAsLong());
        info.putAll(facts);
        if (pool != null) {
            // the busiest of the pools whose names start with pool (the engine's, its read pools)
            Map<String, Long> poolBorrows = new TreeMap<>();
            metrics.getTimers((name, metric) -> name.startsWith(pool) && name.endsWith(".pool.Wait"))
                    .forEach((name, timer) -> poolBorrows.put(name.substring(0, name.length() - ".pool.Wait".length()),
                            timer.getCount()));
            info.put("poolBorrows", poolBorrows);
            String busiest = poolBorrows.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(pool);
            Timer wait = metrics.getTimers().get(busiest + ".pool.Wait");
            Histogram usage = metrics.getHistograms().get(busiest + ".pool.Usage");
            if (wait != null) {
                Snapshot s = wait.getSnapshot();
                info.put("poolWaitMeanMicros", s.getMean() / 1000.0);
                info.put("poolWaitP99Micros", s.get99thPercentile() / 1000.0);
            }
            if (usage != null) {
                Snapshot s = usage.getSnapshot();
                info.put("poolUsageMeanMillis", s.getMean());
                info.put("poolUsageP99Millis", s.get99thPercentile());
            }
        }
        return info;
    }

    private static HikariDataSource hikari(String name, BenchConfig.JdbcSettings jdbc, boolean autoCommit,
                                           MetricRegistry metrics) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(jdbc.url());
        c.setDriverClassName("org.postgresql.Driver");
        c.setMaximumPoolSize(jdbc.poolSize());
        c.setMinimumIdle(jdbc.poolSize());
        c.setConnectionTimeout(TimeUnit.SECONDS.toMillis(5));
        c.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
        c.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
        c.setAutoCommit(autoCommit);
        if (jdbc.poolMetrics()) {
            c.setMetricRegistry(metrics);
        }
        return new HikariDataSource(c);
    }

    /**
     * Hand-wired Hibernate at its best for this workload: the pool hands out connections with
     * auto-commit off and Hibernate is told so (unless the routes read outside transactions, which
     * needs auto-commit on), no statistics, no SQL comments, no insert/update ordering; then
     * whatever the YAML's {@code jdbc.hibernateProperties} say.
     */
    private static StandardServiceRegistry handWiredRegistry(DataSource dataSource, boolean autoCommitOff,
                                                             Map<String, String> overrides) {
        Map<String, Object> settings = new HashMap<>();
        // The bundle's key ("hibernate.connection.datasource"), spelt out: the constant is deprecated.
        settings.put("hibernate.connection.datasource", dataSource);
        settings.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, Boolean.toString(autoCommitOff));
        settings.put(AvailableSettings.GENERATE_STATISTICS, "false");
        settings.put(AvailableSettings.USE_SQL_COMMENTS, "false");
        if (overrides != null) {
            settings.putAll(overrides);
        }
        return new StandardServiceRegistryBuilder().applySettings(settings).build();
    }

    private static DataSource unwrapDataSource(SessionFactory sessionFactory) {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(DataSource.class);
    }
}
