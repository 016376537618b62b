package dev.hibernatelite;

import dev.hibernatelite.internal.config.EntityBindings;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.runtime.BundleSpec;
import io.dropwizard.core.Configuration;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Describes a {@link HibernateLite} bundle. Every entity is bound to one engine; the
 * configuration is read and validated when the bundle runs.
 *
 * @param <C> the application's configuration type
 */
public final class HibernateLiteBuilder<C extends Configuration> {
    private String enginesPath = "engines";
    private Function<C, Map<String, EngineFactory>> enginesOf;
    private String asyncEnginesPath = "asyncEngines";
    private Function<C, Map<String, AsyncEngineFactory>> asyncEnginesOf;
    private boolean defaultRequired = true;
    private final EntityBindings.Builder bindings = new EntityBindings.Builder();
    private String commandName = "db";
    private boolean lazyLoading = true;
    private boolean refusalMapping = true;
    private PrintStream commandOutput = System.out;
    private Map<String, String> defaultProperties = Map.of();
    private SessionOptions sessionOptions = SessionOptions.defaults();
    private final Map<String, SessionOptions> engineSessionOptions = new LinkedHashMap<>();
    private boolean warnOnUncommittedChanges = true;

    HibernateLiteBuilder() {
    }

    /**
     * Where the engines are in the configuration, under the YAML key {@code engines}.
     *
     * @param enginesOf reads the engines map, for example {@code BlogConfig::getEngines}
     * @return this builder
     */
    public HibernateLiteBuilder<C> engines(Function<C, Map<String, EngineFactory>> enginesOf) {
        return engines("engines", enginesOf);
    }

    /**
     * Where the engines are in the configuration, under another YAML key (used in messages).
     *
     * @param yamlPath the YAML path of the map, for example {@code database.engines}
     * @param enginesOf reads the engines map
     * @return this builder
     */
    public HibernateLiteBuilder<C> engines(String yamlPath, Function<C, Map<String, EngineFactory>> enginesOf) {
        this.enginesPath = requireNonNull(yamlPath, "yamlPath");
        this.enginesOf = requireNonNull(enginesOf, "enginesOf");
        return this;
    }

    /**
     * Where the async engines (Hibernate Reactive) are in the configuration, under the YAML key
     * {@code asyncEngines}. Optional; an async engine maps the entities bound to its name.
     *
     * @param asyncEnginesOf reads the async engines map, for example {@code BlogConfig::getAsyncEngines}
     * @return this builder
     */
    public HibernateLiteBuilder<C> asyncEngines(Function<C, Map<String, AsyncEngineFactory>> asyncEnginesOf) {
        return asyncEngines("asyncEngines", asyncEnginesOf);
    }

    /**
     * Where the async engines are in the configuration, under another YAML key (used in messages).
     *
     * @param yamlPath the YAML path of the map
     * @param asyncEnginesOf reads the async engines map
     * @return this builder
     */
    public HibernateLiteBuilder<C> asyncEngines(String yamlPath,
                                                Function<C, Map<String, AsyncEngineFactory>> asyncEnginesOf) {
        this.asyncEnginesPath = requireNonNull(yamlPath, "yamlPath");
        this.asyncEnginesOf = requireNonNull(asyncEnginesOf, "asyncEnginesOf");
        return this;
    }

    /**
     * Properties for every engine, under each engine's own {@code properties} (which win, key by
     * key): flask-sqlalchemy-lite's {@code SQLALCHEMY_ENGINE_OPTIONS}. Keys starting with
     * {@code hibernate.}, {@code jakarta.persistence.} or {@code org.hibernate.} go to Hibernate
     * (sync and async engines); the others go to the JDBC driver of each sync engine.
     *
     * @param properties the properties, for example {@code Map.of("hibernate.jdbc.batch_size", "50")}
     * @return this builder
     */
    public HibernateLiteBuilder<C> defaultProperties(Map<String, String> properties) {
        requireNonNull(properties, "properties").forEach((k, v) -> {
            requireNonNull(k, "property key");
            requireNonNull(v, "value of property " + k);
        });
        this.defaultProperties = Map.copyOf(properties);
        return this;
    }

    /**
     * How the sessions of every engine are set up (flush mode, cache mode, batch sizes):
     * flask-sqlalchemy-lite's {@code SQLALCHEMY_SESSION_OPTIONS}.
     *
     * @param options the options
     * @return this builder
     */
    public HibernateLiteBuilder<C> sessionOptions(SessionOptions options) {
        this.sessionOptions = requireNonNull(options, "options");
        return this;
    }

    /**
     * How the sessions of one engine are set up; what these options set wins over
     * {@link #sessionOptions(SessionOptions)}.
     *
     * @param engine the engine's name
     * @param options the options
     * @return this builder
     */
    public HibernateLiteBuilder<C> sessionOptions(String engine, SessionOptions options) {
        engineSessionOptions.put(requireNonNull(engine, "engine"), requireNonNull(options, "options"));
        return this;
    }

    /**
     * Binds entities to the {@code default} engine.
     *
     * @param entities {@code @Entity} classes
     * @return this builder
     * @throws IllegalArgumentException if a class is not an entity or is already bound
     */
    public HibernateLiteBuilder<C> entities(Class<?>... entities) {
        return entities(SyncEngines.DEFAULT, entities);
    }

    /**
     * Binds entities to a named engine.
     *
     * @param engine the engine's name, a key under {@code engines}
     * @param entities {@code @Entity} classes
     * @return this builder
     * @throws IllegalArgumentException if a class is not an entity or is already bound
     */
    public HibernateLiteBuilder<C> entities(String engine, Class<?>... entities) {
        bindings.bind(requireNonNull(engine, "engine"), requireNonNull(entities, "entities"));
        return this;
    }

    /**
     * Binds every {@code @Entity} class in a package (and its subpackages) to the default engine.
     *
     * @param packageName the package
     * @return this builder
     * @throws IllegalArgumentException if it holds no entity, or one is already bound
     */
    public HibernateLiteBuilder<C> entityPackage(String packageName) {
        return entityPackage(SyncEngines.DEFAULT, packageName);
    }

    /**
     * Binds every {@code @Entity} class in a package (and its subpackages) to a named engine.
     *
     * @param engine the engine's name
     * @param packageName the package
     * @return this builder
     * @throws IllegalArgumentException if it holds no entity, or one is already bound
     */
    public HibernateLiteBuilder<C> entityPackage(String engine, String packageName) {
        bindings.bindPackage(requireNonNull(engine, "engine"), requireNonNull(packageName, "packageName"));
        return this;
    }

    /**
     * Allows a configuration without a {@code default} engine, or without any engine; calls
     * without an engine name then fail with a message saying to name one.
     *
     * @return this builder
     */
    public HibernateLiteBuilder<C> noDefaultEngine() {
        this.defaultRequired = false;
        return this;
    }

    /**
     * Renames the command group ({@code db} by default), for applications that also use
     * dropwizard-migrations' {@code db}.
     *
     * @param name the command name
     * @return this builder
     */
    public HibernateLiteBuilder<C> commandName(String name) {
        this.commandName = requireNonNull(name, "name");
        return this;
    }

    /**
     * Whether JSON serialisation loads lazy associations that are not loaded yet (default
     * true: the session is open until the response is written). When false they are
     * written as {@code null}.
     *
     * @param enabled whether to load them
     * @return this builder
     */
    public HibernateLiteBuilder<C> lazyLoading(boolean enabled) {
        this.lazyLoading = enabled;
        return this;
    }

    /**
     * Whether a value or a row the database refuses answers a client error (default true): a
     * value it cannot store (too long, out of range, not a valid date, a NUL character) answers
     * 422, a unique or foreign-key violation 409, each naming the entity's property or the
     * constraint, never the SQL or the value, and logged as one INFO line. When false the bundle
     * registers no mapper for them, and the application's own {@code ExceptionMapper} for
     * Hibernate's {@code DataException} and {@code ConstraintViolationException} decides (without
     * one, Dropwizard answers 500). See docs/errors-over-http.md.
     *
     * @param enabled whether to map them
     * @return this builder
     */
    public HibernateLiteBuilder<C> databaseRefusalMapping(boolean enabled) {
        this.refusalMapping = enabled;
        return this;
    }

    /**
     * Where the {@code db} commands print their results (standard output by default); errors
     * go to Dropwizard's error stream.
     *
     * @param output the stream
     * @return this builder
     */
    public HibernateLiteBuilder<C> commandOutput(PrintStream output) {
        this.commandOutput = requireNonNull(output, "output");
        return this;
    }

    /**
     * Whether a request that ends with changed entities it did not commit (they are rolled back)
     * logs a WARN naming its route and the entity types (HL230; at most one per route per
     * minute). On by default; pass false when requests roll back on purpose.
     *
     * @param enabled whether to warn
     * @return this builder
     */
    public HibernateLiteBuilder<C> warnOnUncommittedChanges(boolean enabled) {
        this.warnOnUncommittedChanges = enabled;
        return this;
    }

    /**
     * @return the bundle
     * @throws IllegalStateException if neither {@link #engines(Function)} nor
     *         {@link #asyncEngines(Function)} was called
     */
    public HibernateLite<C> build() {
        if (enginesOf == null && asyncEnginesOf == null) {
            throw new IllegalStateException(Messages.enginesNotDeclared());
        }
        return new HibernateLite<>(new BundleSpec<>(enginesPath, enginesOf, asyncEnginesPath, asyncEnginesOf,
                defaultRequired, bindings.build(), commandName, lazyLoading, refusalMapping, commandOutput,
                defaultProperties, sessionOptions, Map.copyOf(engineSessionOptions), warnOnUncommittedChanges));
    }
}
