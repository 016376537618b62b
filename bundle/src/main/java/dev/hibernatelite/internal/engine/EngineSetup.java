package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.config.EngineSettings;
import io.dropwizard.core.Configuration;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the bundle's builder declared about engines: where they are in the configuration,
 * whether a default one is required, which entities each maps. Shared by the bundle (which
 * starts engines for the server) and the {@code db} commands (which start them for one task).
 *
 * @param <C> the application's configuration type
 * @param root the YAML path of the engines map
 * @param enginesOf reads the engines map from the configuration
 * @param defaultRequired whether a {@code default} engine must exist
 * @param bindings which engine each entity belongs to
 */
public record EngineSetup<C extends Configuration>(String root, Function<C, Map<String, EngineFactory>> enginesOf,
                                                   boolean defaultRequired, EntityBindings bindings) {
    /**
     * @param configuration the application's configuration
     * @param metrics where pools report metrics, or null
     * @param only the engines to start, or null for all
     * @return the started engines
     * @throws dev.hibernatelite.EngineConfigurationException listing every configuration problem
     */
    public Engines start(C configuration, MetricRegistry metrics, Set<String> only) {
        return Engines.start(root, enginesOf.apply(configuration), defaultRequired, bindings, metrics, only);
    }

    /**
     * Validates the configuration and the bindings without opening anything.
     *
     * @param configuration the application's configuration
     * @return every engine's settings, in configuration order
     * @throws dev.hibernatelite.EngineConfigurationException listing every configuration problem
     */
    public Map<String, EngineSettings> settings(C configuration) {
        return Engines.validate(root, enginesOf.apply(configuration), defaultRequired, bindings);
    }

    /**
     * @param configuration the application's configuration
     * @return the engine names the configuration declares (empty if none)
     */
    public Set<String> configuredNames(C configuration) {
        Map<String, EngineFactory> engines = enginesOf.apply(configuration);
        return engines == null ? Set.of() : engines.keySet();
    }
}
