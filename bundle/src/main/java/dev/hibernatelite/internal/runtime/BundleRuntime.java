package dev.hibernatelite.internal.runtime;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.Engine;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.SessionOptions;
import dev.hibernatelite.internal.async.AsyncEngines;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.context.CommitOnSuccessFilter;
import dev.hibernatelite.internal.context.ContextBinding;
import dev.hibernatelite.internal.context.ContextCurrentSession;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.context.Contexts;
import dev.hibernatelite.internal.context.RequestContextListener;
import dev.hibernatelite.internal.context.SessionSetup;
import dev.hibernatelite.internal.context.UncommittedWarnings;
import dev.hibernatelite.internal.dwh.DropwizardHibernate;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.health.EngineMonitoring;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.migration.MigrationHealthCheck;
import dev.hibernatelite.internal.migration.MigrationTarget;
import dev.hibernatelite.internal.migration.MigrationTargets;
import dev.hibernatelite.internal.migration.StartupMigrations;
import dev.hibernatelite.internal.web.DatabaseRefusalMapper;
import dev.hibernatelite.internal.web.DatabaseRefusals;
import dev.hibernatelite.internal.web.DatabaseUnavailableMapper;
import dev.hibernatelite.internal.web.RefusalLogFilter;
import dev.hibernatelite.internal.web.WrappedRefusalMapper;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.hibernate.cfg.AvailableSettings;
import io.dropwizard.lifecycle.Managed;

import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundle's state and its one way of starting engines, shared by the server ({@link #run}),
 * {@code db shell} ({@link #startForShell}) and the schema commands ({@link #startForTask}).
 * The engines started by {@code run} or the shell are the ones {@code db.session()} and
 * friends use until they stop.
 *
 * <p>Internal: not part of the public API.
 *
 * @param <C> the application's configuration type
 */
public final class BundleRuntime<C extends Configuration> {
    /** Hibernate settings of every engine the runtime starts: getCurrentSession() is the context's session. */
    private static final Map<String, String> HIBERNATE_SETTINGS = Map.of(
            AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS, ContextCurrentSession.class.getName());

    private final BundleSpec<C> spec;
    private final ContextBinding binding = new ContextBinding();
    private volatile Engines engines;
    private volatile boolean stopped;

    /** @param spec what the bundle's builder declared */
    public BundleRuntime(BundleSpec<C> spec) {
        this.spec = spec;
    }

    /** @return what the bundle's builder declared */
    public BundleSpec<C> spec() {
        return spec;
    }

    /**
     * Claims the bundle's command name in the application.
     *
     * @param bootstrap the application's bootstrap
     * @throws IllegalStateException if this bundle was added already (HL162), or another bundle
     *         adds a command of the same name (HL164)
     */
    public void initialize(Bootstrap<?> bootstrap) {
        BundleClaims.claim(bootstrap, this, description(), Set.of(spec.commandName()), true);
    }

    /**
     * The server's start: validates the configuration, starts every engine, registers their
     * health checks and metrics, makes each request a context, ties the engines to the
     * application's lifecycle.
     *
     * @param configuration the application's configuration
     * @param environment the application's environment
     * @throws EngineConfigurationException listing every configuration problem
     */
    public void run(C configuration, Environment environment) {
        BundleClaims.claim(environment, this, description(), claimedNames(configuration), false);
        BundleSpec.Settings settings = spec.validate(configuration);
        MigrationTargets migrations = MigrationTargets.of(settings.sync(), settings.async());
        StartupMigrations.run(migrations);
        Engines started = start(settings, environment.metrics());
        EngineMonitoring.register(started.sync(), environment);
        registerMigrationChecks(migrations, settings, environment);
        started.async().registerMonitoring(environment);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                EngineMonitoring.removeMetrics(started.sync(), environment.metrics());
                started.async().removeMetrics(environment.metrics());
                stopAndClose(started);
            }
        });
        environment.jersey().register(new RequestContextListener(started.contexts(),
                DropwizardHibernate.unitsOfWork(started.sync().names()), spec.warnOnUncommittedChanges(), spec.bindings()));
        environment.jersey().register(new CommitOnSuccessFilter());
        environment.jersey().register(new DatabaseUnavailableMapper(started.sync().names()));
        started.async().registerExceptionMappers(environment);
        if (spec.refusalMapping()) {
            DatabaseRefusals refusals = new DatabaseRefusals(() -> ormFactories(started));
            environment.jersey().register(new DatabaseRefusalMapper(refusals));
            environment.jersey().register(new WrappedRefusalMapper(refusals));
            RefusalLogFilter.install();
        }
    }

    private static List<SessionFactory> ormFactories(Engines started) {
        List<SessionFactory> factories = new ArrayList<>();
        started.sync().all().forEach(engine -> factories.add(engine.sessionFactory()));
        factories.addAll(started.async().ormFactories());
        return factories;
    }

    /**
     * {@code db shell}'s start: every engine, as for the server, and one context current on every
     * thread (JShell runs each snippet on a thread of its own).
     *
     * @param configuration the application's configuration
     * @param metrics the registry the pools report to
     * @param defaultEngine the engine {@code db.session()} uses in the shell
     * @return what ends the shell's context (rolling back what was not committed) and closes the engines
     */
    public AutoCloseable startForShell(C configuration, MetricRegistry metrics, String defaultEngine) {
        Engines started = start(configuration, metrics);
        ContextSessions context = started.contexts().openShared("db shell", defaultEngine);
        return () -> {
            binding.share(null);
            context.close();
            stopAndClose(started);
        };
    }

    /**
     * A command's start: only the named sync engines, not published to the bundle (the caller
     * closes them).
     *
     * @param configuration the application's configuration
     * @param metrics the registry the pools report to
     * @param only the engines to start, or null for every one
     * @return the started engines
     */
    public SyncEngines startForTask(C configuration, MetricRegistry metrics, Set<String> only) {
        BundleSpec.Settings settings = spec.validate(configuration);
        return startSync(settings, metrics, only);
    }

    private Engines start(C configuration, MetricRegistry metrics) {
        return start(spec.validate(configuration), metrics);
    }

    private static void registerMigrationChecks(MigrationTargets migrations, BundleSpec.Settings settings,
                                                Environment environment) {
        for (MigrationTarget target : migrations.withMigrations()) {
            long bound = target.async() ? settings.async().get(target.name()).validationTimeoutMillis()
                    : settings.sync().get(target.name()).validationTimeoutMillis();
            environment.healthChecks().register(MigrationHealthCheck.nameOf(target),
                    new MigrationHealthCheck(target, environment.getHealthCheckExecutorService(), bound));
        }
    }

    private Engines start(BundleSpec.Settings settings, MetricRegistry metrics) {
        SyncEngines sync = startSync(settings, metrics, null);
        Map<String, SessionOptions> options = new HashMap<>();
        sync.names().forEach(name -> options.put(name, spec.sessionOptionsFor(name)));
        AsyncEngines async;
        try {
            async = AsyncEngines.start(settings.async(), spec.bindings()::entitiesOf);
        } catch (RuntimeException e) {
            sync.close();
            throw e;
        }
        Contexts contexts = new Contexts(sync, binding,
                context -> async.view(() -> (ContextSessions) context, "ctx.async()"), new SessionSetup(options::get,
                spec.warnOnUncommittedChanges() ? new UncommittedWarnings() : null));
        ContextCurrentSession.serve(sync, binding);
        Engines started = new Engines(sync, async, contexts);
        this.engines = started;
        this.stopped = false;
        return started;
    }

    private SyncEngines startSync(BundleSpec.Settings settings, MetricRegistry metrics, Set<String> only) {
        List<SyncEngine> started = new ArrayList<>();
        try {
            for (EngineSettings s : settings.sync().values()) {
                if (only == null || only.contains(s.name())) {
                    started.add(SyncEngine.start(s, spec.bindings().entitiesOf(s.name()), metrics, HIBERNATE_SETTINGS));
                }
            }
        } catch (RuntimeException e) {
            Collections.reverse(started);
            SyncEngines.closeAll(started);
            throw e;
        }
        return new SyncEngines(started, settings.async().containsKey(SyncEngines.DEFAULT));
    }

    private String description() {
        return "the bundle of '" + spec.enginesPath() + "'" + (spec.asyncEnginesOf() == null ? ""
                : " and '" + spec.asyncEnginesPath() + "'") + " (command '" + spec.commandName() + "')";
    }

    /** The names of the health checks and metrics the bundle will register: its engines'. */
    private Set<String> claimedNames(C configuration) {
        Set<String> names = new LinkedHashSet<>(spec.configuredNames(configuration));
        if (spec.asyncEnginesOf() != null) {
            Map<String, ?> async = spec.asyncEnginesOf().apply(configuration);
            if (async != null) {
                async.keySet().forEach(name -> names.add("async." + name));
            }
        }
        return names;
    }

    private void stopAndClose(Engines started) {
        if (engines == started) {
            stopped = true;
        }
        ContextCurrentSession.stopServing(started.sync());
        started.close();
    }

    /**
     * @param call the API call, for messages
     * @return the async API on whatever context is current when a session is asked for
     * @throws IllegalStateException before the bundle ran, after it stopped, or without async engines
     */
    public AsyncSessions async(String call) {
        return engines(call).async().view(() -> currentContext("db.async().session()"), call);
    }

    /**
     * @param call the API call, for messages
     * @return the sync engines
     * @throws IllegalStateException before the bundle ran, or after the application stopped
     */
    public SyncEngines syncEngines(String call) {
        return engines(call).sync();
    }

    /**
     * @param name an engine's name
     * @param call the API call, for messages
     * @return what users see of the engine
     * @throws IllegalArgumentException if there is no such engine (HL203)
     */
    public Engine engine(String name, String call) {
        return new EngineView(syncEngines(call).get(name));
    }

    /**
     * @param call the API call, for messages
     * @return what users see of the default engine
     * @throws IllegalStateException if there is none (HL204)
     */
    public Engine defaultEngine(String call) {
        return new EngineView(syncEngines(call).getDefault(call));
    }

    /**
     * @param call the API call, for messages
     * @return what users see of every engine, by name, in configuration order
     */
    public Map<String, Engine> allEngines(String call) {
        Map<String, Engine> all = new LinkedHashMap<>();
        syncEngines(call).all().forEach(e -> all.put(e.name(), new EngineView(e)));
        return Collections.unmodifiableMap(all);
    }

    /**
     * Opens a context on this thread: {@code db.context()}.
     *
     * @return the context
     * @throws IllegalStateException before the bundle ran, or after the application stopped
     */
    public ContextSessions openContext() {
        return engines("db.context()").contexts().open();
    }

    /**
     * Opens a read-only context on this thread: {@code db.readOnlyContext()}.
     *
     * @return the context
     * @throws IllegalStateException before the bundle ran, or after the application stopped
     */
    public ContextSessions openReadOnlyContext() {
        return engines("db.readOnlyContext()").contexts().openReadOnly();
    }

    /**
     * @param call the API call, for messages
     * @return the context current on this thread
     * @throws IllegalStateException if there is none (HL201), before the bundle ran or after it stopped
     */
    public ContextSessions currentContext(String call) {
        ContextSessions context = binding.current();
        if (context == null) {
            engines(call);
            throw new IllegalStateException(Messages.noContext(call));
        }
        return context;
    }

    /**
     * Starts a test isolation of every engine, sync and async.
     *
     * @return what ends it, rolling everything back
     * @throws IllegalStateException before the bundle ran, if an engine is already isolated, or if a
     *         database cannot be reached
     */
    public AutoCloseable isolate() {
        Engines current = engines("TestIsolation.open(db)");
        return IsolatedEngines.isolate(current.sync(), current.async());
    }

    /**
     * Closes the sync engines' pooled connections (idle ones now, borrowed ones when they are
     * returned), so that the next borrower gets a new one: after a test replaced the database
     * under a running application. Async engines' pools drop connections the server closed.
     *
     * @throws IllegalStateException before the bundle ran or after it stopped
     */
    public void evictConnections() {
        for (SyncEngine engine : engines("evictConnections()").sync().all()) {
            if (engine.pool().getHikariPoolMXBean() != null) {
                engine.pool().getHikariPoolMXBean().softEvictConnections();
            }
        }
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
