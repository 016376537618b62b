package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.SessionOptions;
import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.config.AsyncEngineSettingsResolver;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.EngineSettingsResolver;
import dev.hibernatelite.internal.config.EntityBindings;
import io.dropwizard.core.Configuration;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the bundle's builder declared: where the engines are in the configuration, whether a
 * {@code default} engine is required, which entities each engine maps, and the bundle's
 * options. Validating a configuration against it gives every engine's settings, or every
 * problem at once.
 *
 * @param <C> the application's configuration type
 * @param enginesPath the YAML path of the engines map
 * @param enginesOf reads the engines map from the configuration, or null when the application declares
 *        only async engines
 * @param asyncEnginesPath the YAML path of the async engines map
 * @param asyncEnginesOf reads the async engines map, or null when the application declares none
 * @param defaultRequired whether a {@code default} engine must exist
 * @param bindings which engine each entity belongs to
 * @param commandName the name of the command group ({@code db})
 * @param lazyLoading whether JSON serialisation loads lazy associations
 * @param refusalMapping whether values and rows the database refuses answer 422 and 409
 * @param commandOutput where the commands print their results
 * @param defaultProperties the bundle-wide engine properties, under each engine's own
 * @param sessionOptions the bundle-wide session options
 * @param engineSessionOptions each engine's session options, over the bundle-wide ones
 * @param warnOnUncommittedChanges whether a request that ends with uncommitted changes logs a WARN
 */
public record BundleSpec<C extends Configuration>(String enginesPath,
                                                  Function<C, Map<String, EngineFactory>> enginesOf,
                                                  String asyncEnginesPath,
                                                  Function<C, Map<String, AsyncEngineFactory>> asyncEnginesOf,
                                                  boolean defaultRequired, EntityBindings bindings, String commandName,
                                                  boolean lazyLoading, boolean refusalMapping,
                                                  PrintStream commandOutput,
                                                  Map<String, String> defaultProperties,
                                                  SessionOptions sessionOptions,
                                                  Map<String, SessionOptions> engineSessionOptions,
                                                  boolean warnOnUncommittedChanges) {
    private static final String DEFAULT = "default";

    /**
     * Every engine's settings, validated.
     *
     * @param sync the sync engines' settings, in configuration order
     * @param async the async engines' settings, in configuration order
     */
    public record Settings(Map<String, EngineSettings> sync, Map<String, AsyncEngineSettings> async) {
    }

    /**
     * Validates the configuration and the entity bindings, opening nothing.
     *
     * @param configuration the application's configuration
     * @return every engine's settings
     * @throws EngineConfigurationException listing every problem, each with its YAML path
     */
    public Settings validate(C configuration) {
        List<String> problems = new ArrayList<>();
        Map<String, EngineFactory> engines = enginesOf == null ? null : enginesOf.apply(configuration);
        Map<String, AsyncEngineFactory> asyncEngines = asyncEnginesOf == null ? null : asyncEnginesOf.apply(configuration);
        // flask-sqlalchemy-lite's rule: the default engine may be a sync or an async one
        boolean asyncDefault = asyncEngines != null && asyncEngines.containsKey(DEFAULT);
        Map<String, EngineSettings> sync = new EngineSettingsResolver(enginesPath, defaultProperties)
                .resolve(engines, defaultRequired && !asyncDefault, problems);
        Map<String, AsyncEngineSettings> async = new AsyncEngineSettingsResolver(asyncEnginesPath, defaultProperties)
                .resolve(asyncEngines, problems);
        Set<String> known = new LinkedHashSet<>();
        if (engines != null) {
            known.addAll(engines.keySet());
        }
        if (asyncEngines != null) {
            known.addAll(asyncEngines.keySet());
        }
        if (!known.isEmpty()) {
            bindings.checkAgainst(known, asyncEngines == null || asyncEngines.isEmpty() ? enginesPath
                    : enginesPath + " or " + asyncEnginesPath, problems);
        }
        if (!problems.isEmpty()) {
            throw new EngineConfigurationException(problems);
        }
        return new Settings(sync, async);
    }

    /**
     * @param engine an engine's name
     * @return the session options of its sessions: its own over the bundle-wide ones
     */
    public SessionOptions sessionOptionsFor(String engine) {
        SessionOptions own = engineSessionOptions.get(engine);
        return own == null ? sessionOptions : own.over(sessionOptions);
    }

    /**
     * @param configuration the application's configuration
     * @return the (sync) engine names the configuration declares, unvalidated (empty if none)
     */
    public Set<String> configuredNames(C configuration) {
        Map<String, EngineFactory> engines = enginesOf == null ? null : enginesOf.apply(configuration);
        return engines == null ? Set.of() : engines.keySet();
    }
}
