package dev.hibernatelite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.bench.app.BenchConfig;
import dev.hibernatelite.bench.app.Item;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import org.eclipse.jetty.util.component.LifeCycle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a request's context and {@code db.session()} cost, against opening and closing a Hibernate
 * {@code Session} by hand on the same {@code SessionFactory} (the bundle's own, so pool, mapping
 * and settings are identical). Average time per operation, in microseconds.
 *
 * <ul>
 *   <li>{@code contextOnly}: {@code db.context()} opened and closed, no session: what every
 *       request that never touches the database pays (a request's context is the same object,
 *       opened by a Jersey request listener).</li>
 *   <li>{@code contextFirstSession}: a context, the first {@code db.session()} (opens the session,
 *       begins its transaction), close (rollback, close); no statement.</li>
 *   <li>{@code repeatSession}: {@code db.session()} again in a context whose session is open.</li>
 *   <li>{@code handOpenBeginRollbackClose}: the same by hand: {@code openSession()},
 *       {@code beginTransaction()}, {@code rollback()}, {@code close()}.</li>
 *   <li>{@code handOpenClose}: {@code openSession()} and {@code close()} only.</li>
 *   <li>{@code contextFind} / {@code handFind}: the same two with one {@code find} by a random
 *       id in between (one database round trip for the query, one for the rollback).</li>
 *   <li>{@code jsonEntity} / {@code jsonEntityHibernate6Module}: writing one loaded entity with
 *       Dropwizard's {@code ObjectMapper}, without and with the {@code Hibernate6Module}
 *       (lazy loading forced) that the bundle and dropwizard-hibernate register.</li>
 * </ul>
 *
 * <p>{@code statistics} is the engine's {@code hibernate.generate_statistics}: the bundle's current
 * default ({@code true}) and the proposed one. The database: system property {@code bench.url},
 * else {@code $HIBERNATE_LITE_BENCH_POSTGRES_URL} or the default; it must hold {@code bench_item}
 * with ids 1..{@code bench.rows} (the run's {@code BenchDatabase} creates it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionBenchmark {

    /** The bundle, run outside a server on the benchmark database, with one engine of 8 connections. */
    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"true", "false"})
        public String statistics;

        HibernateLite<BenchConfig> db;
        SessionFactory sessionFactory;
        Environment environment;
        int rows;

        @Setup(Level.Trial)
        public void start() throws Exception {
            String url = System.getProperty("bench.url", BenchSettings.url());
            rows = Integer.getInteger("bench.rows", 10_000);
            db = HibernateLite.<BenchConfig>builder().engines(BenchConfig::getEngines).entities(Item.class).build();
            Bootstrap<BenchConfig> bootstrap = new Bootstrap<>(new JmhApplication());
            db.initialize(bootstrap);
            BenchConfig config = new BenchConfig();
            config.setEngines(Map.of("default", EngineFactory.builder()
                    .url(url)
                    .maxSize(BenchSettings.POOL_SIZE)
                    .property("hibernate.generate_statistics", statistics)
                    .build()));
            environment = new Environment("session-benchmark", bootstrap.getObjectMapper(),
                    bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                    bootstrap.getHealthCheckRegistry(), config);
            db.run(config, environment);
            sessionFactory = db.sessionFactory();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            List<LifeCycle> managed = environment.lifecycle().getManagedObjects();
            for (int i = managed.size() - 1; i >= 0; i--) {
                managed.get(i).stop();
            }
        }

        long randomId() {
            return ThreadLocalRandom.current().nextLong(1, rows + 1);
        }
    }

    /** A context held open on the benchmark thread, its session already opened. */
    @State(Scope.Thread)
    public static class OpenContext {
        SessionContext context;

        @Setup(Level.Iteration)
        public void open(Engine engine) {
            context = engine.db.context();
            engine.db.session();
        }

        @TearDown(Level.Iteration)
        public void close() {
            context.close();
        }
    }

    /** One loaded entity and two mappers. */
    @State(Scope.Benchmark)
    public static class Json {
        ObjectMapper plain;
        ObjectMapper withModule;
        Item item;

        @Setup(Level.Trial)
        public void setUp(Engine engine) {
            plain = Jackson.newObjectMapper();
            withModule = Jackson.newObjectMapper();
            Hibernate6Module module = new Hibernate6Module();
            module.enable(Hibernate6Module.Feature.FORCE_LAZY_LOADING);
            withModule.registerModule(module);
            item = engine.sessionFactory.fromTransaction(s -> s.find(Item.class, 1L));
        }
    }

    /** Needed only so that the bundle can read the configuration class from it. */
    public static final class JmhApplication extends Application<BenchConfig> {
        @Override
        public void run(BenchConfig configuration, Environment environment) {
        }
    }

    @Benchmark
    public Object contextOnly(Engine engine) {
        try (SessionContext context = engine.db.context()) {
            return context;
        }
    }

    @Benchmark
    public Object contextFirstSession(Engine engine) {
        SessionContext context = engine.db.context();
        try {
            return engine.db.session();
        } finally {
            context.close();
        }
    }

    @Benchmark
    public Object repeatSession(Engine engine, OpenContext open) {
        return engine.db.session();
    }

    @Benchmark
    public Object handOpenBeginRollbackClose(Engine engine) {
        Session session = engine.sessionFactory.openSession();
        try {
            session.beginTransaction();
            session.getTransaction().rollback();
            return session;
        } finally {
            session.close();
        }
    }

    @Benchmark
    public Object handOpenClose(Engine engine) {
        Session session = engine.sessionFactory.openSession();
        session.close();
        return session;
    }

    @Benchmark
    public Object contextFind(Engine engine) {
        SessionContext context = engine.db.context();
        try {
            return engine.db.session().find(Item.class, engine.randomId());
        } finally {
            context.close();
        }
    }

    @Benchmark
    public Object handFind(Engine engine) {
        Session session = engine.sessionFactory.openSession();
        try {
            session.beginTransaction();
            Item item = session.find(Item.class, engine.randomId());
            session.getTransaction().rollback();
            return item;
        } finally {
            session.close();
        }
    }

    @Benchmark
    public void jsonEntity(Json json, Blackhole bh) throws Exception {
        bh.consume(json.plain.writeValueAsBytes(json.item));
    }

    @Benchmark
    public void jsonEntityHibernate6Module(Json json, Blackhole bh) throws Exception {
        bh.consume(json.withModule.writeValueAsBytes(json.item));
    }
}
