package dev.hibernatelite.internal.async;

import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.internal.Messages;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The application's async engines by name, and the one Vert.x instance they run on. Closing
 * closes every engine, then Vert.x (and with it every event-loop thread).
 *
 * <p>Internal: not part of the public API.
 */
public final class AsyncEngines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncEngines.class);
    private static final AsyncEngines NONE = new AsyncEngines(Map.of(), null);

    private final Map<String, AsyncEngine> byName;
    private final Vertx vertx;

    private AsyncEngines(Map<String, AsyncEngine> byName, Vertx vertx) {
        this.byName = byName;
        this.vertx = vertx;
    }

    /** @return no async engines */
    public static AsyncEngines none() {
        return NONE;
    }

    /**
     * Starts every validated async engine. Nothing (not even a Vert.x thread) is left running
     * when it throws.
     *
     * @param root the YAML path of the map, for messages
     * @param settings the validated settings
     * @param entitiesOf the entities of each engine name
     * @return the started engines
     */
    public static AsyncEngines start(String root, Map<String, AsyncEngineSettings> settings,
                                     Function<String, List<Class<?>>> entitiesOf) {
        if (settings.isEmpty()) {
            return NONE;
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        List<AsyncEngine> started = new ArrayList<>();
        try {
            AsyncEngineBuilder builder = new AsyncEngineBuilder(root, vertx);
            for (AsyncEngineSettings s : settings.values()) {
                started.add(builder.build(s, entitiesOf.apply(s.name())));
            }
        } catch (RuntimeException e) {
            new AsyncEngines(index(started), vertx).close();
            throw e;
        }
        return new AsyncEngines(index(started), vertx);
    }

    private static Map<String, AsyncEngine> index(List<AsyncEngine> engines) {
        Map<String, AsyncEngine> map = new LinkedHashMap<>();
        engines.forEach(e -> map.put(e.name(), e));
        return Collections.unmodifiableMap(map);
    }

    /**
     * @param name an async engine's name
     * @param call the API call, for the message
     * @return the engine
     * @throws IllegalStateException if there are no async engines
     * @throws IllegalArgumentException if there is none by that name (the message lists the known ones)
     */
    public AsyncEngine get(String name, String call) {
        if (byName.isEmpty()) {
            throw new IllegalStateException(Messages.noAsyncEngines(call));
        }
        AsyncEngine engine = byName.get(name);
        if (engine == null) {
            throw new IllegalArgumentException(Messages.unknownEngine(name, byName.keySet()));
        }
        return engine;
    }

    /** @return the names, in configuration order */
    public Set<String> names() {
        return byName.keySet();
    }

    /** @return every async engine, in configuration order */
    public List<AsyncEngine> all() {
        return List.copyOf(byName.values());
    }

    /** Closes every engine (the last configured first), then the Vert.x instance. */
    @Override
    public void close() {
        List<AsyncEngine> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        for (AsyncEngine engine : reversed) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.error("async engine '{}' did not close cleanly", engine.name(), e);
            }
        }
        if (vertx != null) {
            CompletableFuture<Void> closed = vertx.close().toCompletionStage().toCompletableFuture();
            try {
                closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.error("the async engines' Vert.x instance did not close within 10s", e);
            }
        }
    }

    /**
     * Validates async engine configuration, opening nothing.
     *
     * @param root the YAML path of the map
     * @param config the map as read from the YAML (null: none)
     * @param problems where problems are added
     * @return the settings of every valid engine
     */
    public static Map<String, AsyncEngineSettings> validate(String root, Map<String, AsyncEngineFactory> config,
                                                            List<String> problems) {
        return new AsyncEngineSettingsResolver(root).resolve(config, problems);
    }
}
