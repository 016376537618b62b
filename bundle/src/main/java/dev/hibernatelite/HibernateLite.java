package dev.hibernatelite;

import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
import dev.hibernatelite.internal.Messages;
import dev.hibernatelite.internal.command.DbCommand;
import dev.hibernatelite.internal.context.CommitOnSuccessFilter;
import dev.hibernatelite.internal.context.ContextBinding;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.context.RequestContextListener;
import dev.hibernatelite.internal.engine.Engine;
import dev.hibernatelite.internal.engine.EngineIsolation;
import dev.hibernatelite.internal.errors.DatabaseUnavailableMapper;
import dev.hibernatelite.internal.engine.EngineSetup;
import dev.hibernatelite.internal.engine.Engines;
import dev.hibernatelite.internal.health.EngineMonitoring;
import dev.hibernatelite.internal.schema.SchemaTasks;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.stage.Stage;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

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
 * closed (sessions factories closed, pools drained) when the application stops.
 *
 * @param <C> the application's configuration type
 */
public final class HibernateLite<C extends Configuration> implements ConfiguredBundle<C> {
    private static final Logger LOG = LoggerFactory.getLogger(HibernateLite.class);

    private final EngineSetup<C> setup;
    private final String commandName;
    private final boolean lazyLoading;
    private final PrintStream commandOutput;
    final ContextBinding binding = new ContextBinding();
    volatile Engines engines;
    volatile boolean stopped;

    HibernateLite(EngineSetup<C> setup, String commandName, boolean lazyLoading, PrintStream commandOutput) {
        this.setup = setup;
        this.commandName = commandName;
        this.lazyLoading = lazyLoading;
        this.commandOutput = commandOutput;
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
     */
    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Bootstrap<?> bootstrap) {
        Hibernate6Module module = new Hibernate6Module();
        if (lazyLoading) {
            module.enable(Hibernate6Module.Feature.FORCE_LAZY_LOADING);
        }
        bootstrap.getObjectMapper().registerModule(module);
        Class<C> configurationClass = (Class<C>) bootstrap.getApplication().getConfigurationClass();
        bootstrap.addCommand(new DbCommand<>(commandName, configurationClass, setup, new BundleShell<>(this), commandOutput));
    }

    /**
     * Validates the configuration, builds every engine, registers a health check
     * ({@code hibernate-lite.<engine>}) and metrics for each, makes each request a context and
     * ties the engines to the application's lifecycle.
     *
     * @param configuration the application's configuration
     * @param environment the application's environment
     * @throws EngineConfigurationException listing every configuration problem, with YAML paths
     */
    @Override
    public void run(C configuration, Environment environment) {
        Engines started = setup.start(configuration, environment.metrics(), null, true);
        this.engines = started;
        this.stopped = false;
        EngineMonitoring.register(started, environment);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                stopped = true;
                EngineMonitoring.removeMetrics(started, environment.metrics());
                started.close();
            }
        });
        environment.jersey().register(new RequestContextListener(started, binding));
        environment.jersey().register(new CommitOnSuccessFilter());
        environment.jersey().register(new DatabaseUnavailableMapper());
    }

    /**
     * The default engine's session in the current context: opened on the first call, the same
     * object on every later call in the context, with a transaction begun (a new one after each
     * commit or rollback). Closed, and its uncommitted work rolled back, when the context ends.
     *
     * @return the session
     * @throws IllegalStateException outside a context (the message says how to open one), or
     *         when there is no default engine
     */
    public Session session() {
        return currentContext("db.session()").session();
    }

    /**
     * The named engine's session in the current context; see {@link #session()}.
     *
     * @param engine the engine's name, a key under {@code engines}
     * @return the session
     * @throws IllegalArgumentException if there is no such engine (the message lists the known ones)
     * @throws IllegalStateException outside a context
     */
    public Session session(String engine) {
        requireNonNull(engine, "engine");
        return currentContext("db.session(\"" + engine + "\")").session(engine);
    }

    /**
     * Commits the default engine's transaction in the current context, if its session was
     * opened; the next {@link #session()} begins a new one.
     *
     * @throws IllegalStateException outside a context
     * @throws RuntimeException what Hibernate throws when the commit fails (for example a
     *         {@code ConstraintViolationException}); the session is then discarded and the next
     *         {@link #session()} opens a fresh one
     */
    public void commit() {
        currentContext("db.commit()").commit();
    }

    /**
     * Commits the named engine's transaction in the current context; see {@link #commit()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine
     */
    public void commit(String engine) {
        requireNonNull(engine, "engine");
        currentContext("db.commit(\"" + engine + "\")").commit(engine);
    }

    /**
     * Rolls back the default engine's transaction in the current context and clears its session.
     *
     * @throws IllegalStateException outside a context
     */
    public void rollback() {
        currentContext("db.rollback()").rollback();
    }

    /**
     * Rolls back the named engine's transaction in the current context; see {@link #rollback()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine
     */
    public void rollback(String engine) {
        requireNonNull(engine, "engine");
        currentContext("db.rollback(\"" + engine + "\")").rollback(engine);
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
     * @throws IllegalStateException before the bundle ran or after the application stopped
     */
    public SessionContext context() {
        ContextSessions context = new ContextSessions(engines("db.context()"),
                "context opened on thread '" + Thread.currentThread().getName() + "'", binding);
        binding.bind(context);
        return context;
    }

    /**
     * The context current on this thread: the request's, or the innermost {@link #context()}.
     * Capture it to use the request's sessions on another thread (a {@code CompletionStage}
     * stage, an {@code @Suspended} callback), one thread at a time.
     *
     * @return the current context
     * @throws IllegalStateException if there is none (the message says how to open one)
     */
    public SessionContext currentContext() {
        return currentContext("db.currentContext()");
    }

    private ContextSessions currentContext(String call) {
        ContextSessions context = binding.current();
        if (context == null) {
            engines(call);
            throw new IllegalStateException(Messages.noContext(call));
        }
        return context;
    }

    /**
     * The default engine's session factory: flask-sqlalchemy-lite's {@code sessionmaker}.
     * Sessions opened from it are not tied to any context: they are yours to close.
     *
     * @return the session factory
     * @throws IllegalStateException before the bundle ran, or when there is no default engine
     */
    public SessionFactory sessionFactory() {
        return engines("db.sessionFactory()").getDefault("db.sessionFactory()").sessionFactory();
    }

    /**
     * The named engine's session factory; see {@link #sessionFactory()}.
     *
     * @param engine the engine's name
     * @return the session factory
     * @throws IllegalArgumentException if there is no such engine (the message lists the known ones)
     */
    public SessionFactory sessionFactory(String engine) {
        requireNonNull(engine, "engine");
        return engines("db.sessionFactory(\"" + engine + "\")").get(engine).sessionFactory();
    }

    /**
     * @return every engine's session factory by engine name, in configuration order (unmodifiable)
     * @throws IllegalStateException before the bundle ran
     */
    public Map<String, SessionFactory> sessionFactories() {
        Map<String, SessionFactory> result = new LinkedHashMap<>();
        engines("db.sessionFactories()").all().forEach(e -> result.put(e.name(), e.sessionFactory()));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The default async engine's Hibernate Reactive session factory: the recommended way to
     * work asynchronously ({@code withSession}, {@code withTransaction}), and the way to give
     * each concurrent task a session of its own.
     *
     * @return the Mutiny session factory
     * @throws IllegalStateException before the bundle ran, or when no async engine is configured
     * @throws IllegalArgumentException when there is no async engine named {@code default}
     */
    public Mutiny.SessionFactory asyncSessionFactory() {
        return asyncSessionFactory(Engines.DEFAULT);
    }

    /**
     * The named async engine's session factory; see {@link #asyncSessionFactory()}.
     *
     * @param engine the async engine's name, a key under {@code asyncEngines}
     * @return the Mutiny session factory
     * @throws IllegalArgumentException if there is no such async engine (the message lists the known ones)
     */
    public Mutiny.SessionFactory asyncSessionFactory(String engine) {
        requireNonNull(engine, "engine");
        return engines("db.asyncSessionFactory()").async().get(engine, "db.asyncSessionFactory()").mutiny();
    }

    /**
     * The {@code CompletionStage} flavour of {@link #asyncSessionFactory()}: the same factory.
     *
     * @return the Stage session factory of the default async engine
     */
    public Stage.SessionFactory stageSessionFactory() {
        return stageSessionFactory(Engines.DEFAULT);
    }

    /**
     * The {@code CompletionStage} flavour of {@link #asyncSessionFactory(String)}.
     *
     * @param engine the async engine's name
     * @return the Stage session factory
     */
    public Stage.SessionFactory stageSessionFactory(String engine) {
        requireNonNull(engine, "engine");
        return engines("db.stageSessionFactory()").async().get(engine, "db.stageSessionFactory()").stage();
    }

    /**
     * The default async engine's session in the current context (a request, or a
     * {@link #context()} block), opened on first subscription and closed, on its own thread,
     * when the context ends. The {@code Uni} emits on the session's event-loop thread: chain the
     * work on it ({@code db.asyncSession().chain(s -> s.find(User.class, id))}) and do not hand the
     * session to another thread or to concurrent tasks.
     *
     * @return the session, when subscribed
     * @throws IllegalStateException outside a context, or when no async engine is configured
     */
    public Uni<Mutiny.Session> asyncSession() {
        return asyncSession(Engines.DEFAULT);
    }

    /**
     * The named async engine's session in the current context; see {@link #asyncSession()}.
     *
     * @param engine the async engine's name
     * @return the session, when subscribed
     * @throws IllegalArgumentException if there is no such async engine
     */
    public Uni<Mutiny.Session> asyncSession(String engine) {
        requireNonNull(engine, "engine");
        return currentContext("db.asyncSession()").asyncSession(engine, "db.asyncSession()");
    }

    /**
     * Turns a {@code Uni} into what a Jersey resource returns, completing it on a worker thread
     * rather than on the event loop where Hibernate Reactive ends its work: Jersey then writes the
     * response, and the request's context closes, off the event loop.
     *
     * @param uni the resource's result
     * @param <T> the result type
     * @return a stage that completes on a Mutiny worker thread
     */
    public <T> CompletionStage<T> asyncResponse(Uni<T> uni) {
        return requireNonNull(uni, "uni").emitOn(Infrastructure.getDefaultWorkerPool()).subscribeAsCompletionStage();
    }

    /**
     * Loads an entity by id with the current context's session of the engine the entity is
     * bound to, or answers 404: flask-sqlalchemy's {@code get_or_404}.
     *
     * @param type the entity class
     * @param id its id
     * @param <T> the entity type
     * @return the entity
     * @throws NotFoundException when there is no such row (JAX-RS turns it into a 404)
     * @throws IllegalStateException outside a context
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
        T entity = sessionFor(type, "db.getOr404()").find(type, id);
        if (entity == null) {
            throw message == null ? new NotFoundException() : new NotFoundException(message);
        }
        return entity;
    }

    /**
     * The query's one result, or 404 when it has none or more than one: flask-sqlalchemy's
     * {@code one_or_404}. At most two rows are fetched.
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

    /**
     * Isolates a test: until the returned object closes, everything done through any engine
     * (requests, {@code db.context()} blocks, sessions opened from the session factories, commits
     * included) is undone when it closes. flask-sqlalchemy-lite's {@code test_isolation()}. Needs
     * no open context; the testing module's JUnit extension opens one per test.
     *
     * <p>Each engine serves one connection while isolated, in an outer transaction; a commit
     * releases a savepoint instead of committing. Work that runs concurrently takes turns on that
     * connection. DDL on MySQL/MariaDB commits implicitly and is not undone.
     *
     * @return the isolation; close it at the end of the test
     * @throws IllegalStateException before the bundle ran, if an engine is already isolated, or
     *         if its database cannot be reached
     */
    public TestIsolation testIsolation() {
        return EngineIsolation.isolate(engines("db.testIsolation()"));
    }

    /**
     * Creates the missing tables of every engine's entities; existing tables are left as they
     * are (use migrations to change them). What {@code db create} does, for startup code and
     * tests: SQLAlchemy's {@code metadata.create_all()}.
     *
     * @throws IllegalStateException before the bundle ran
     */
    public void createAll() {
        engines("db.createAll()").all().forEach(HibernateLite::createMissing);
    }

    /**
     * Creates the missing tables of one engine's entities; see {@link #createAll()}.
     *
     * @param engine the engine's name
     * @throws IllegalArgumentException if there is no such engine
     */
    public void createAll(String engine) {
        requireNonNull(engine, "engine");
        createMissing(engines("db.createAll(\"" + engine + "\")").get(engine));
    }

    private static void createMissing(Engine engine) {
        SchemaTasks.Tables before = SchemaTasks.createMissing(engine);
        if (!before.missing().isEmpty()) {
            LOG.info("engine '{}': created tables {}", engine.name(), before.missing());
        }
    }

    private Session sessionFor(Class<?> entity, String call) {
        String engine = setup.bindings().all().get(entity);
        ContextSessions context = currentContext(call);
        return engine == null ? context.session() : context.session(engine);
    }

    EngineSetup<C> setup() {
        return setup;
    }

    private Engines engines(String call) {
        Engines current = engines;
        if (current == null) {
            throw new IllegalStateException(Messages.notStarted(call));
        }
        if (stopped) {
            throw new IllegalStateException(Messages.stopped(call));
        }
        return current;
    }
}
