package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.Messages;
import dev.hibernatelite.internal.async.AsyncEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application's engines by name. Built together, closed together (in reverse order).
 *
 * <p>Internal: not part of the public API.
 */
public final class Engines implements AutoCloseable {
    /** The name of the engine that calls without a name use. */
    public static final String DEFAULT = "default";

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private final Map<String, Engine> byName;
    private final Engine defaultEngine;
    private final AsyncEngines async;

    /**
     * @param engines the engines, in configuration order
     * @param async the async engines
     */
    public Engines(List<Engine> engines, AsyncEngines async) {
        Map<String, Engine> map = new LinkedHashMap<>();
        engines.forEach(e -> map.put(e.name(), e));
        this.byName = Collections.unmodifiableMap(map);
        this.defaultEngine = map.get(DEFAULT);
        this.async = async;
    }

    /** @return the async engines (none when none are configured) */
    public AsyncEngines async() {
        return async;
    }

    /**
     * @param name an engine name
     * @return the engine
     * @throws IllegalArgumentException naming the known engines if there is none by that name
     */
    public Engine get(String name) {
        Engine engine = byName.get(name);
        if (engine == null) {
            throw new IllegalArgumentException(Messages.unknownEngine(name, byName.keySet()));
        }
        return engine;
    }

    /**
     * @param call the API call, for the message
     * @return the default engine
     * @throws IllegalStateException if there is none
     */
    public Engine getDefault(String call) {
        if (defaultEngine == null) {
            throw new IllegalStateException(Messages.noDefaultEngine(call));
        }
        return defaultEngine;
    }

    /** @return the engine names, in configuration order */
    public Set<String> names() {
        return byName.keySet();
    }

    /** @return every engine, in configuration order */
    public List<Engine> all() {
        return List.copyOf(byName.values());
    }

    /** Closes the async engines, then every engine, the last configured first; one failing does not stop the others. */
    @Override
    public void close() {
        try {
            async.close();
        } catch (RuntimeException e) {
            LOG.error("the async engines did not close cleanly", e);
        }
        List<Engine> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        closeAll(reversed);
    }

    /**
     * Closes engines, logging (not throwing) any failure so that every one gets closed.
     *
     * @param engines the engines to close, in order
     */
    public static void closeAll(List<Engine> engines) {
        for (Engine engine : engines) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.error("engine '{}' did not close cleanly", engine.name(), e);
            }
        }
    }
}
