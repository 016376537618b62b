package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.Messages;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
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

    /** @param engines the engines, in configuration order */
    public Engines(List<Engine> engines) {
        Map<String, Engine> map = new LinkedHashMap<>();
        engines.forEach(e -> map.put(e.name(), e));
        this.byName = Collections.unmodifiableMap(map);
        this.defaultEngine = map.get(DEFAULT);
    }

    /**
     * Validates the configuration and the entity bindings, then builds the engines. Nothing is
     * left open when it throws.
     *
     * @param root the YAML path of the engines map
     * @param config the engines map as read from the YAML
     * @param defaultRequired whether a {@code default} engine must exist
     * @param bindings the entity bindings
     * @param metrics where pools report metrics, or null
     * @param only the engines to build, or null for all
     * @return the started engines
     * @throws dev.hibernatelite.EngineConfigurationException listing every configuration problem
     */
    public static Engines start(String root, Map<String, EngineFactory> config, boolean defaultRequired,
                                EntityBindings bindings, MetricRegistry metrics, Set<String> only) {
        Map<String, EngineSettings> settings = validate(root, config, defaultRequired, bindings);
        EngineBuilder builder = new EngineBuilder(root, metrics);
        List<Engine> started = new ArrayList<>();
        try {
            for (EngineSettings s : settings.values()) {
                if (only == null || only.contains(s.name())) {
                    started.add(builder.build(s, bindings.entitiesOf(s.name())));
                }
            }
        } catch (RuntimeException e) {
            Collections.reverse(started);
            closeAll(started);
            throw e;
        }
        return new Engines(started);
    }

    /**
     * Validates the configuration and the entity bindings, opening nothing.
     *
     * @param root the YAML path of the engines map
     * @param config the engines map as read from the YAML
     * @param defaultRequired whether a {@code default} engine must exist
     * @param bindings the entity bindings
     * @return every engine's settings, in configuration order
     * @throws EngineConfigurationException listing every configuration problem
     */
    public static Map<String, EngineSettings> validate(String root, Map<String, EngineFactory> config,
                                                       boolean defaultRequired, EntityBindings bindings) {
        List<String> problems = new ArrayList<>();
        Map<String, EngineSettings> settings = new EngineSettingsResolver(root).resolve(config, defaultRequired, problems);
        if (config != null && !config.isEmpty()) {
            bindings.checkAgainst(config.keySet(), root, problems);
        }
        if (!problems.isEmpty()) {
            throw new EngineConfigurationException(problems);
        }
        return settings;
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

    /** Closes every engine, the last configured first; one failing does not stop the others. */
    @Override
    public void close() {
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
