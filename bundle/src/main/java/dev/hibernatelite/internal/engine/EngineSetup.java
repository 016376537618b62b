package dev.hibernatelite.internal.engine;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.async.AsyncEngineSettings;
import dev.hibernatelite.internal.async.AsyncEngines;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
import io.dropwizard.core.Configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
 * @param asyncRoot the YAML path of the async engines map
 * @param asyncEnginesOf reads the async engines map, or null when the application has none
 * @param defaultRequired whether a {@code default} engine must exist
 * @param bindings which engine each entity belongs to
 */
public record EngineSetup<C extends Configuration>(String root, Function<C, Map<String, EngineFactory>> enginesOf,
                                                   String asyncRoot,
                                                   Function<C, Map<String, AsyncEngineFactory>> asyncEnginesOf,
                                                   boolean defaultRequired, EntityBindings bindings) {
    /** Validated settings of both kinds of engine. */
    private record Validated(Map<String, EngineSettings> sync, Map<String, AsyncEngineSettings> async) {
    }

    /**
     * Validates the configuration and starts the engines. Nothing is left open when it throws.
     *
     * @param configuration the application's configuration
     * @param metrics where pools report metrics, or null
     * @param only the (sync) engines to start, or null for all
     * @param withAsync whether to start the async engines too
     * @return the started engines
     * @throws EngineConfigurationException listing every configuration problem
     */
    public Engines start(C configuration, MetricRegistry metrics, Set<String> only, boolean withAsync) {
        Validated validated = validate(configuration);
        EngineBuilder builder = new EngineBuilder(root, metrics);
        List<Engine> started = new ArrayList<>();
        try {
            for (EngineSettings s : validated.sync().values()) {
                if (only == null || only.contains(s.name())) {
                    started.add(builder.build(s, bindings.entitiesOf(s.name())));
                }
            }
            AsyncEngines async = withAsync
                    ? AsyncEngines.start(asyncRoot, validated.async(), bindings::entitiesOf) : AsyncEngines.none();
            return new Engines(started, async);
        } catch (RuntimeException e) {
            Collections.reverse(started);
            Engines.closeAll(started);
            throw e;
        }
    }

    /**
     * Validates the configuration and the bindings without opening anything.
     *
     * @param configuration the application's configuration
     * @return every (sync) engine's settings, in configuration order
     * @throws EngineConfigurationException listing every configuration problem
     */
    public Map<String, EngineSettings> settings(C configuration) {
        return validate(configuration).sync();
    }

    private Validated validate(C configuration) {
        List<String> problems = new ArrayList<>();
        Map<String, EngineFactory> engines = enginesOf.apply(configuration);
        Map<String, EngineSettings> sync = new EngineSettingsResolver(root).resolve(engines, defaultRequired, problems);
        Map<String, AsyncEngineFactory> asyncEngines = asyncEnginesOf == null ? null : asyncEnginesOf.apply(configuration);
        Map<String, AsyncEngineSettings> async = AsyncEngines.validate(asyncRoot, asyncEngines, problems);
        Set<String> known = new LinkedHashSet<>();
        if (engines != null) {
            known.addAll(engines.keySet());
        }
        if (asyncEngines != null) {
            known.addAll(asyncEngines.keySet());
        }
        if (!known.isEmpty()) {
            bindings.checkAgainst(known, asyncEngines == null || asyncEngines.isEmpty() ? root
                    : root + " or " + asyncRoot, problems);
        }
        if (!problems.isEmpty()) {
            throw new EngineConfigurationException(problems);
        }
        return new Validated(sync, async);
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
