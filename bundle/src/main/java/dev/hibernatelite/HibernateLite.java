package dev.hibernatelite;

import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
import dev.hibernatelite.internal.command.DbCommand;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.runtime.BundleAccess;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.runtime.BundleSpec;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The bundle: named database engines from the YAML, a Hibernate session per engine per
 * request (or per {@link #context()}), the {@code db} commands. One instance serves every
 * engine; keep it in a field of the application and add it in {@code initialize}:
 *
 * <pre>{@code
 * private final HibernateLite<BlogConfig> db = HibernateLite.<BlogConfig>builder()
 *         .engines(BlogConfig::getEngines)
 *         .entities(User.class, Post.class)
 *         .build();
 *
 * public void initialize(Bootstrap<BlogConfig> bootstrap) { bootstrap.addBundle(db); }
 * }</pre>
 *
 * <p>Engines are built when Dropwizard runs the bundle, before {@code Application.run}, and
 * closed (session factories closed, pools drained) when the application stops. This class holds
 * what a resource method calls; async engines are behind {@link #async()}, test isolation is in
 * the testing artifact, schema tasks are on {@link Engine} and in the {@code db} commands.
 *
 * @param <C> the application's configuration type
 */
public final class HibernateLite<C extends Configuration> implements ConfiguredBundle<C> {
    static {
        BundleAccess.register(db -> db.runtime);
    }

    private final BundleRuntime<C> runtime;

    HibernateLite(BundleSpec<C> spec) {
        this.runtime = new BundleRuntime<>(spec);
    }

    /**
     * Starts describing a bundle.
     *
     * @param <C> the application's configuration type
     * @return a new builder
     */
    public static <C extends Configuration> HibernateLiteBuilder<C> builder() {
        return new HibernateLiteBuilder<>();
    }

    /**
     * Registers the Jackson module that serialises Hibernate proxies and lazy collections, and
     * the {@code db} command group.
     *
     * @param bootstrap the application's bootstrap
     * @throws IllegalStateException if this bundle was added already (HL162), or another bundle adds a
     *         command of the same name (HL164)
     */
    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Bootstrap<?> bootstrap) {
        runtime.initialize(requireNonNull(bootstrap, "bootstrap"));
        Hibernate6Module module = new Hibernate6Module();
        if (runtime.spec().lazyLoading()) {
            module.enable(Hibernate6Module.Feature.FORCE_LAZY_LOADING);
        }
        bootstrap.getObjectMapper().registerModule(module);
        Class<C> configurationClass = (Class<C>) bootstrap.getApplication().getConfigurationClass();
        bootstrap.addCommand(new DbCommand<>(configurationClass, runtime, this));
    }

    /**
     * Validates the configuration, builds every engine, registers a health check
     * ({@code hibernate-lite.<engine>}) and metrics for each, makes each request a context and
     * ties the engines to the application's lifecycle.
     *
     * @param configuration the application's configuration
     * @param environment the application's environment
     * @throws EngineConfigurationException listing every configuration problem, with YAML paths
     * @throws IllegalStateException if another bundle of the application configures an engine of the
     *         same name (HL163)
     */
    @Override
    public void run(C configuration, Environment environment) {
        runtime.run(requireNonNull(configuration, "configuration"), requireNonNull(environment, "environment"));
    }

    /**
     * The default engine's session in the current context: opened on the first call, the same
     * object on every later call in the context, with a transaction begun (a new one after each
     * commit or rollback). Closed, and its uncommitted work rolled back, when the context ends.
     *
     * @return the session
     * @throws IllegalStateException outside a context (HL201, saying how to open one), or when
     *         there is no default engine (HL204)
     */
    public Session session() {
        return runtime.currentContext("db.session()").session();
    }

    /**
     * The named engine's session in the current context; see {@link #session()}.
     *
     * @param engine the engine's name, a key under {@code engines}
     * @return the session
     * @throws IllegalArgumentException if there is no such engine (HL203, listing the known ones)
     * @throws IllegalStateException outside a context (HL201)
     */
    public Session session(String engine) {
        requireNonNull(engine, "engine");
        return runtime.currentContext("db.session(\"" + engine + "\")").session(engine);
    }

    /**
     * Commits the default engine's transaction in the current context, if its session was
     * opened; the next {@link #session()} begins a new one.
     *
     * @throws IllegalStateException outside a context (HL201)
     * @throws RuntimeException what Hibernate throws when the commit fails (for example a
     *         {@code ConstraintViolationException}); the session is then discarded and the next
     *         {@link #session()} opens a fresh one
     */
    public void commit() {
        runtime.currentContext("db.commit()").commit();
    }

    /**
     * Commits the named engine's transaction in the current context; see {@link #commit()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine (HL203)
     */
    public void commit(String engine) {
        requireNonNull(engine, "engine");
        runtime.currentContext("db.commit(\"" + engine + "\")").commit(engine);
    }

    /**
     * Rolls back the default engine's transaction in the current context and clears its session.
     *
     * @throws IllegalStateException outside a context (HL201)
     */
    public void rollback() {
        runtime.currentContext("db.rollback()").rollback();
    }

    /**
     * Rolls back the named engine's transaction in the current context; see {@link #rollback()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine (HL203)
     */
    public void rollback(String engine) {
        requireNonNull(engine, "engine");
        runtime.currentContext("db.rollback(\"" + engine + "\")").rollback(engine);
    }

    /**
     * Opens a context on this thread, for work outside a request: startup, jobs, commands,
     * tests. flask-sqlalchemy-lite's {@code with app.app_context():}. Contexts nest: the
     * previous one is current again when this one closes.
     *
     * <pre>{@code
     * try (var ctx = db.context()) {
     *     db.session().persist(new User("ada"));
     *     db.commit();
     * }
     * }</pre>
     *
     * @return the context; close it to close its sessions and roll back uncommitted work
     * @throws IllegalStateException before the bundle ran (HL205) or after the application stopped (HL206)
     */
    public SessionContext context() {
        return runtime.openContext();
    }

    /**
     * Opens a read-only context on this thread: what {@link ReadOnly} gives a request, for work
     * outside requests (reports, exports, jobs that only read). Its sessions run each statement in
     * auto-commit on connections the database holds read-only (a replica's, when the engine has
     * replicas), with no snapshots and no flush; {@code db.commit()} is refused ({@code HL240}).
     * Opened inside a context that committed on an engine, it reads that engine from the primary
     * (read your writes).
     *
     * <pre>{@code
     * try (var ctx = db.readOnlyContext()) {
     *     List<User> users = db.session().createSelectionQuery("from User", User.class).getResultList();
     * }
     * }</pre>
     *
     * @return the context; close it to close its sessions and give their connections back
     * @throws IllegalStateException before the bundle ran (HL205) or after the application stopped (HL206)
     */
    public SessionContext readOnlyContext() {
        return runtime.openReadOnlyContext();
    }

    /**
     * The context current on this thread: the request's, or the innermost {@link #context()}.
     * Capture it to use the request's sessions on another thread (a {@code CompletionStage}
     * stage, an {@code @Suspended} callback), one thread at a time.
     *
     * @return the current context
     * @throws IllegalStateException if there is none (HL201, saying how to open one)
     */
    public SessionContext currentContext() {
        return runtime.currentContext("db.currentContext()");
    }

    /**
     * The default engine's session factory: flask-sqlalchemy-lite's {@code sessionmaker}.
     * Sessions opened from it are not tied to any context: they are yours to close.
     *
     * @return the session factory
     * @throws IllegalStateException before the bundle ran (HL205), or when there is no default engine (HL204)
     */
    public SessionFactory sessionFactory() {
        return engine().sessionFactory();
    }

    /**
     * The named engine's session factory; see {@link #sessionFactory()}.
     *
     * @param engine the engine's name
     * @return the session factory
     * @throws IllegalArgumentException if there is no such engine (HL203, listing the known ones)
     */
    public SessionFactory sessionFactory(String engine) {
        return engine(engine).sessionFactory();
    }

    /**
     * The default engine: flask-sqlalchemy-lite's {@code db.engine}, with its session factory,
     * its {@code DataSource} and {@link Engine#createAll()}.
     *
     * @return the engine
     * @throws IllegalStateException before the bundle ran (HL205), or when there is no default engine (HL204)
     */
    public Engine engine() {
        return runtime.defaultEngine("db.engine()");
    }

    /**
     * The named engine: flask-sqlalchemy-lite's {@code db.get_engine(name)}.
     *
     * @param engine the engine's name, a key under {@code engines}
     * @return the engine
     * @throws IllegalArgumentException if there is no such engine (HL203, listing the known ones)
     */
    public Engine engine(String engine) {
        requireNonNull(engine, "engine");
        return runtime.engine(engine, "db.engine(\"" + engine + "\")");
    }

    /**
     * @return every engine by name, in configuration order (unmodifiable): flask-sqlalchemy-lite's {@code db.engines}
     * @throws IllegalStateException before the bundle ran (HL205)
     */
    public Map<String, Engine> engines() {
        return runtime.allEngines("db.engines()");
    }

    /**
     * The async engines (Hibernate Reactive): the current context's reactive sessions and the
     * engines' session factories. Hibernate Reactive and Vert.x are optional dependencies; only
     * an application that configures {@code asyncEngines} needs them.
     *
     * @return the async API, working in whichever context is current when a session is asked for
     * @throws IllegalStateException before the bundle ran (HL205), or when no async engine is configured (HL207)
     */
    public AsyncSessions async() {
        return runtime.async("db.async()");
    }

    /**
     * Loads an entity by id with the current context's session of the engine the entity is
     * bound to, or answers 404: flask-sqlalchemy-lite's {@code get_or_abort}.
     *
     * @param type the entity class
     * @param id its id
     * @param <T> the entity type
     * @return the entity
     * @throws NotFoundException when there is no such row (JAX-RS turns it into a 404)
     * @throws IllegalStateException outside a context (HL201)
     */
    public <T> T getOr404(Class<T> type, Object id) {
        return getOr404(type, id, null);
    }

    /**
     * As {@link #getOr404(Class, Object)}, with the message the 404 response carries.
     *
     * @param type the entity class
     * @param id its id
     * @param message the 404's message, or null for the standard one
     * @param <T> the entity type
     * @return the entity
     * @throws NotFoundException when there is no such row
     */
    public <T> T getOr404(Class<T> type, Object id, String message) {
        requireNonNull(type, "type");
        requireNonNull(id, "id");
        ContextSessions context = runtime.currentContext("db.getOr404()");
        String engine = runtime.spec().bindings().all().get(type);
        T entity = (engine == null ? context.session() : context.session(engine)).find(type, id);
        if (entity == null) {
            throw message == null ? new NotFoundException() : new NotFoundException(message);
        }
        return entity;
    }

    /**
     * The query's one result, or 404 when it has none or more than one: flask-sqlalchemy-lite's
     * {@code one_or_abort}. At most two rows are fetched.
     *
     * @param query a query from one of the context's sessions
     * @param <T> the result type
     * @return the single result
     * @throws NotFoundException unless there is exactly one result
     */
    public <T> T oneOr404(SelectionQuery<T> query) {
        return oneOr404(query, null);
    }

    /**
     * As {@link #oneOr404(SelectionQuery)}, with the message the 404 response carries.
     *
     * @param query a query from one of the context's sessions
     * @param message the 404's message, or null for the standard one
     * @param <T> the result type
     * @return the single result
     * @throws NotFoundException unless there is exactly one result
     */
    public <T> T oneOr404(SelectionQuery<T> query, String message) {
        requireNonNull(query, "query");
        List<T> rows = query.setMaxResults(2).getResultList();
        if (rows.size() != 1) {
            throw message == null ? new NotFoundException() : new NotFoundException(message);
        }
        return rows.get(0);
    }

    @Override
    public String toString() {
        return "HibernateLite{" + runtime.spec().enginesPath() + ", default engine '" + SyncEngines.DEFAULT + "'}";
    }
}
