package dev.hibernatelite.internal.async;

import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.engine.SyncEngines;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.sqlclient.Pool;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.stage.Stage;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The public async API on a context: the one current when a session is asked for
 * ({@code db.async()}), or a fixed one ({@code ctx.async()}). The context's reactive sessions
 * are kept in an {@link OpenedAsyncSessions} attached to it, closed when it ends.
 *
 * <p>Internal: not part of the public API.
 */
final class ContextAsyncSessions implements AsyncSessions {
    private final ReactiveEngines engines;
    private final Supplier<ContextSessions> context;

    ContextAsyncSessions(ReactiveEngines engines, Supplier<ContextSessions> context) {
        this.engines = engines;
        this.context = context;
    }

    @Override
    public Uni<Mutiny.Session> session() {
        return session(SyncEngines.DEFAULT);
    }

    @Override
    public Uni<Mutiny.Session> session(String engine) {
        requireNonNull(engine, "engine");
        String call = "db.async().session(\"" + engine + "\")";
        ContextSessions current = context.get();
        OpenedAsyncSessions opened = current.attachment(engines,
                () -> new OpenedAsyncSessions(engines, current.description(), current.isReadOnly()), call);
        return opened.session(engine, call);
    }

    @Override
    public Mutiny.SessionFactory sessionFactory() {
        return sessionFactory(SyncEngines.DEFAULT);
    }

    @Override
    public Mutiny.SessionFactory sessionFactory(String engine) {
        return engines.get(requireNonNull(engine, "engine")).mutiny();
    }

    @Override
    public Stage.SessionFactory stageSessionFactory() {
        return stageSessionFactory(SyncEngines.DEFAULT);
    }

    @Override
    public Stage.SessionFactory stageSessionFactory(String engine) {
        return engines.get(requireNonNull(engine, "engine")).stage();
    }

    @Override
    public <T> Uni<T> getOr404(Class<T> type, Object id) {
        return getOr404(type, id, null);
    }

    @Override
    public <T> Uni<T> getOr404(Class<T> type, Object id, String message) {
        requireNonNull(type, "type");
        requireNonNull(id, "id");
        return session(engines.engineOf(type)).chain(session -> session.find(type, id))
                .onItem().ifNull().failWith(() -> notFound(message));
    }

    @Override
    public <T> Uni<T> oneOr404(Mutiny.SelectionQuery<T> query) {
        return oneOr404(query, null);
    }

    @Override
    public <T> Uni<T> oneOr404(Mutiny.SelectionQuery<T> query, String message) {
        requireNonNull(query, "query");
        return query.setMaxResults(2).getResultList().chain(rows -> rows.size() == 1
                ? Uni.createFrom().item(rows.get(0)) : Uni.createFrom().failure(notFound(message)));
    }

    private static NotFoundException notFound(String message) {
        return message == null ? new NotFoundException() : new NotFoundException(message);
    }

    @Override
    public Pool pool() {
        return pool(SyncEngines.DEFAULT);
    }

    @Override
    public Pool pool(String engine) {
        return engines.get(requireNonNull(engine, "engine")).userPool();
    }

    @Override
    public <T> CompletionStage<T> respond(Uni<T> uni) {
        return requireNonNull(uni, "uni").emitOn(Infrastructure.getDefaultWorkerPool()).subscribeAsCompletionStage();
    }

    @Override
    public String toString() {
        return "AsyncSessions" + engines.names();
    }
}
