package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.message.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application's (sync) engines by name. Built together, closed together (in reverse order).
 *
 * <p>Internal: not part of the public API.
 */
public final class SyncEngines implements AutoCloseable {
    /** The name of the engine that calls without a name use. */
    public static final String DEFAULT = "default";

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngines.class);

    private final Map<String, SyncEngine> byName;
    private final SyncEngine defaultEngine;
    private final boolean defaultIsAsync;

    /** @param engines the engines, in configuration order */
    public SyncEngines(List<SyncEngine> engines) {
        this(engines, false);
    }

    /**
     * @param engines the engines, in configuration order
     * @param defaultIsAsync whether the application's default engine is an async one (for messages)
     */
    public SyncEngines(List<SyncEngine> engines, boolean defaultIsAsync) {
        Map<String, SyncEngine> map = new LinkedHashMap<>();
        engines.forEach(e -> map.put(e.name(), e));
        this.byName = Collections.unmodifiableMap(map);
        this.defaultEngine = map.get(DEFAULT);
        this.defaultIsAsync = defaultIsAsync;
    }

    /**
     * @param name an engine name
     * @return the engine
     * @throws IllegalArgumentException naming the known engines if there is none by that name
     */
    public SyncEngine get(String name) {
        SyncEngine engine = byName.get(name);
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
    public SyncEngine getDefault(String call) {
        if (defaultEngine == null) {
            throw new IllegalStateException(Messages.noDefaultEngine(call, byName.keySet(), defaultIsAsync));
        }
        return defaultEngine;
    }

    /** @return the engine names, in configuration order */
    public Set<String> names() {
        return byName.keySet();
    }

    /** @return every engine, in configuration order */
    public List<SyncEngine> all() {
        return List.copyOf(byName.values());
    }

    /** Closes every engine, the last configured first; one failing does not stop the others. */
    @Override
    public void close() {
        List<SyncEngine> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        closeAll(reversed);
    }

    /**
     * Closes engines, logging (not throwing) any failure so that every one gets closed.
     *
     * @param engines the engines to close, in order
     */
    public static void closeAll(List<SyncEngine> engines) {
        for (SyncEngine engine : engines) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.error("engine '{}' did not close cleanly", engine.name(), e);
            }
        }
    }
}
