package dev.hibernatelite.internal.async;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.message.Messages;
import io.dropwizard.core.setup.Environment;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application's async engines by name, and the one Vert.x instance they run on. Closing
 * closes every engine, then Vert.x (and with it every event-loop thread).
 *
 * <p>Internal: not part of the public API.
 */
final class ReactiveEngines implements AsyncEngines {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveEngines.class);
    private static final String DEFAULT_CALL = "db.async().session()";

    private final Map<String, ReactiveEngine> byName;
    private final Vertx vertx;
    private final Map<Class<?>, String> engineOfEntity;

    private ReactiveEngines(Map<String, ReactiveEngine> byName, Vertx vertx, Map<Class<?>, String> engineOfEntity) {
        this.byName = byName;
        this.vertx = vertx;
        this.engineOfEntity = engineOfEntity;
    }

    static ReactiveEngines start(Map<String, AsyncEngineSettings> settings,
                                 Function<String, List<Class<?>>> entitiesOf) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        List<ReactiveEngine> started = new ArrayList<>();
        try {
            for (AsyncEngineSettings s : settings.values()) {
                started.add(ReactiveEngine.start(s, entitiesOf.apply(s.name()), vertx));
            }
        } catch (RuntimeException e) {
            new ReactiveEngines(index(started), vertx, Map.of()).close();
            throw e;
        }
        Map<Class<?>, String> engineOfEntity = new HashMap<>();
        settings.keySet().forEach(name -> entitiesOf.apply(name).forEach(type -> engineOfEntity.put(type, name)));
        return new ReactiveEngines(index(started), vertx, Map.copyOf(engineOfEntity));
    }

    /**
     * @param type an entity class
     * @return the async engine it is bound to, or the default engine's name when it is bound to none
     */
    String engineOf(Class<?> type) {
        return engineOfEntity.getOrDefault(type, SyncEngines.DEFAULT);
    }

    private static Map<String, ReactiveEngine> index(List<ReactiveEngine> engines) {
        Map<String, ReactiveEngine> map = new LinkedHashMap<>();
        engines.forEach(e -> map.put(e.name(), e));
        return Collections.unmodifiableMap(map);
    }

    /**
     * @param name an async engine's name
     * @return the engine
     * @throws IllegalArgumentException if there is none by that name (the message lists the known ones)
     */
    ReactiveEngine get(String name) {
        ReactiveEngine engine = byName.get(name);
        if (engine == null && SyncEngines.DEFAULT.equals(name)) {
            throw new IllegalStateException(Messages.noDefaultAsyncEngine(DEFAULT_CALL, byName.keySet(), false));
        }
        if (engine == null) {
            throw new IllegalArgumentException(Messages.unknownEngine(name, byName.keySet()));
        }
        return engine;
    }

    @Override
    public void ping(String name, long timeoutMillis) {
        get(name).mutiny().withSession(session -> session.createNativeQuery("SELECT 1").getSingleResult())
                .await().atMost(java.time.Duration.ofMillis(timeoutMillis));
    }

    @Override
    public List<org.hibernate.SessionFactory> ormFactories() {
        return byName.values().stream().map(ReactiveEngine::ormFactory).toList();
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public AsyncSessions view(Supplier<ContextSessions> context, String call) {
        return new ContextAsyncSessions(this, context);
    }

    @Override
    public void registerMonitoring(Environment environment) {
        for (ReactiveEngine engine : byName.values()) {
            environment.healthChecks().register(AsyncEngineHealthCheck.nameOf(engine),
                    new AsyncEngineHealthCheck(engine, environment.getHealthCheckExecutorService()));
            AsyncPoolMetrics.register(engine, environment.metrics());
        }
    }

    @Override
    public void registerExceptionMappers(Environment environment) {
        for (Object mapper : AsyncUnavailableMappers.of(byName.keySet())) {
            environment.jersey().register(mapper);
        }
    }

    @Override
    public void removeMetrics(MetricRegistry metrics) {
        byName.values().forEach(engine -> AsyncPoolMetrics.remove(engine, metrics));
    }

    @Override
    public AutoCloseable isolate() throws Exception {
        List<ReactiveEngine> isolated = new ArrayList<>();
        try {
            for (ReactiveEngine engine : byName.values()) {
                engine.isolate();
                isolated.add(engine);
            }
        } catch (Exception e) {
            endIsolation(isolated);
            throw e;
        }
        return () -> endIsolation(isolated);
    }

    private static void endIsolation(List<ReactiveEngine> isolated) throws Exception {
        Exception failure = null;
        for (ReactiveEngine engine : isolated) {
            try {
                engine.endIsolation();
            } catch (Exception e) {
                Exception described = new IllegalStateException("rolling back the test isolation of async engine '"
                        + engine.name() + "' failed: " + e.getMessage(), e);
                if (failure == null) {
                    failure = described;
                } else {
                    failure.addSuppressed(described);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes every engine (the last configured first), then the Vert.x instance. */
    @Override
    public void close() {
        List<ReactiveEngine> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        for (ReactiveEngine engine : reversed) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.error("async engine '{}' did not close cleanly", engine.name(), e);
            }
        }
        CompletableFuture<Void> closed = vertx.close().toCompletionStage().toCompletableFuture();
        try {
            closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("the async engines' Vert.x instance did not close within 10s", e);
        }
    }
}
