package dev.hibernatelite.internal.async;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.pool.ReactiveConnectionPool;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * One named async engine: Hibernate Reactive's session factory on a Vert.x SQL client pool.
 * Closing it closes the factory and its pool.
 *
 * <p>Internal: not part of the public API.
 */
public final class AsyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncEngine.class);

    private final AsyncEngineSettings settings;
    private final Vertx vertx;
    private final StandardServiceRegistry registry;
    private final SessionFactory ormFactory;
    private final Mutiny.SessionFactory mutinyFactory;
    private final List<Class<?>> entities;

    AsyncEngine(AsyncEngineSettings settings, Vertx vertx, StandardServiceRegistry registry, SessionFactory ormFactory,
                List<Class<?>> entities) {
        this.settings = settings;
        this.vertx = vertx;
        this.registry = registry;
        this.ormFactory = ormFactory;
        this.mutinyFactory = ormFactory.unwrap(Mutiny.SessionFactory.class);
        this.entities = List.copyOf(entities);
    }

    /** @return the engine's name */
    public String name() {
        return settings.name();
    }

    /** @return the validated configuration */
    public AsyncEngineSettings settings() {
        return settings;
    }

    /** @return the Vert.x instance the engine's sessions run on */
    public Vertx vertx() {
        return vertx;
    }

    /** @return the Mutiny session factory */
    public Mutiny.SessionFactory mutiny() {
        return mutinyFactory;
    }

    /** @return the CompletionStage session factory (a view of the same factory) */
    public Stage.SessionFactory stage() {
        return ormFactory.unwrap(Stage.SessionFactory.class);
    }

    /** @return the underlying ORM session factory (statistics, metamodel) */
    public SessionFactory ormFactory() {
        return ormFactory;
    }

    /** @return the entity classes bound to this engine */
    public List<Class<?>> entities() {
        return entities;
    }

    /** @return the Vert.x pool, or null if Hibernate Reactive was configured with another pool */
    public Pool pool() {
        ObservableSqlClientPool pool = observablePool();
        return pool == null ? null : pool.vertxPool();
    }

    private ObservableSqlClientPool observablePool() {
        ReactiveConnectionPool pool = registry.getService(ReactiveConnectionPool.class);
        return pool instanceof ObservableSqlClientPool ? (ObservableSqlClientPool) pool : null;
    }

    /**
     * Starts a test isolation of this engine (see {@code db.testIsolation()}).
     *
     * @throws Exception if no connection could be held
     */
    public void isolate() throws Exception {
        ObservableSqlClientPool pool = observablePool();
        if (pool == null) {
            throw new IllegalStateException("async engine '" + name() + "' was configured with another"
                    + " hibernate.vertx.pool.class, which test isolation cannot work with");
        }
        pool.isolate(settings.maxWaitMillis());
    }

    /**
     * Ends the test isolation, rolling back everything done in it.
     *
     * @throws Exception if the rollback failed
     */
    public void endIsolation() throws Exception {
        ObservableSqlClientPool pool = observablePool();
        if (pool != null) {
            pool.endIsolation(settings.maxWaitMillis());
        }
    }

    /** Closes the session factory and, with its service registry, the connection pool. */
    @Override
    public void close() {
        try {
            mutinyFactory.close();
        } finally {
            ReactiveServiceRegistryBuilder.destroy(registry);
            LOG.info("async engine '{}' closed", name());
        }
    }

    @Override
    public String toString() {
        return "AsyncEngine{" + settings + "}";
    }
}
