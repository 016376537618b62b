package dev.hibernatelite.internal.async;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.message.Messages;
import io.dropwizard.core.setup.Environment;

import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application's async engines as the rest of the bundle sees them. Hibernate Reactive and
 * Vert.x are optional dependencies: this interface names none of their types, and {@link #NONE}
 * (no async engines configured) loads none of them, so an application with only sync engines
 * runs without them on its class path.
 *
 * <p>Internal: not part of the public API.
 */
public interface AsyncEngines extends AutoCloseable {
    /** No async engines: every use says so (HL207). */
    AsyncEngines NONE = new AsyncEngines() {
        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public AsyncSessions view(Supplier<ContextSessions> context, String call) {
            throw new IllegalStateException(Messages.noAsyncEngines(call));
        }

        @Override
        public void registerMonitoring(Environment environment) {
            // nothing to monitor
        }

        @Override
        public void removeMetrics(MetricRegistry metrics) {
            // none registered
        }

        @Override
        public void registerExceptionMappers(Environment environment) {
            // no async failures to map
        }

        @Override
        public AutoCloseable isolate() {
            return () -> { };
        }

        @Override
        public void ping(String name, long timeoutMillis) {
            throw new IllegalStateException(Messages.noAsyncEngines("db check"));
        }

        @Override
        public void close() {
            // nothing started
        }
    };

    /**
     * Starts every validated async engine; nothing (not even a Vert.x thread) is left running
     * when it throws.
     *
     * @param settings the validated settings, in configuration order
     * @param entitiesOf the entities bound to each engine name
     * @return the engines, {@link #NONE} when there are none
     */
    static AsyncEngines start(Map<String, AsyncEngineSettings> settings, Function<String, List<Class<?>>> entitiesOf) {
        return settings.isEmpty() ? NONE : ReactiveEngines.start(settings, entitiesOf);
    }

    /** @return the names, in configuration order */
    Set<String> names();

    /** @return each engine's ORM session factory (its metamodel names the columns of refused values) */
    default List<SessionFactory> ormFactories() {
        return List.of();
    }

    /**
     * @param context gives the context the view works in when asked (the current one, or a fixed one)
     * @param call the API call, for messages
     * @return the public async API on that context
     * @throws IllegalStateException when there are no async engines (HL207)
     */
    AsyncSessions view(Supplier<ContextSessions> context, String call);

    /**
     * Registers a health check ({@code hibernate-lite.async.<engine>}) and metrics per engine.
     *
     * @param environment the application's environment
     */
    void registerMonitoring(Environment environment);

    /**
     * Registers the mappers that turn the Vert.x client's connection failures into the 503 of an
     * unavailable database.
     *
     * @param environment the application's environment
     */
    void registerExceptionMappers(Environment environment);

    /** @param metrics the registry to remove the engines' metrics from */
    void removeMetrics(MetricRegistry metrics);

    /**
     * Starts a test isolation of every async engine: each serves one connection held in a
     * transaction until the returned object closes, which rolls it back.
     *
     * @return what ends the isolation
     * @throws Exception if a connection could not be held (none stays isolated then)
     */
    AutoCloseable isolate() throws Exception;

    /**
     * Runs {@code SELECT 1} on an engine's database, in a session of its own: {@code db check}.
     *
     * @param name the engine's name
     * @param timeoutMillis how long to wait for the answer
     * @throws RuntimeException the database's (or the wait's) failure
     */
    void ping(String name, long timeoutMillis);

    /** Closes every engine and the Vert.x instance they run on. */
    @Override
    void close();
}
