package dev.hibernatelite;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.stage.Stage;

import java.util.concurrent.CompletionStage;

/**
 * The async side of the bundle (Hibernate Reactive), from {@link HibernateLite#async()} or
 * {@link SessionContext#async()}: the context's reactive sessions and the async engines'
 * session factories. Only this type names Mutiny and Vert.x types; an application with only
 * sync engines never loads it and needs neither Hibernate Reactive nor Vert.x on its class
 * path.
 *
 * <pre>{@code
 * @GET @Path("{id}")
 * public CompletionStage<User> get(@PathParam("id") long id) {
 *     return db.async().respond(db.async().session().chain(s -> s.find(User.class, id)));
 * }
 * }</pre>
 *
 * <p>A reactive session is not safe across concurrent tasks (SQLAlchemy says the same of its
 * async sessions): give each task its own through {@link #sessionFactory()}, which is also the
 * way Hibernate Reactive recommends.
 */
public interface AsyncSessions {
    /**
     * The default async engine's session in the context (a request, or a
     * {@link HibernateLite#context()} block), opened on first subscription and closed, on its own
     * thread, when the context ends. The {@code Uni} emits on the session's event-loop thread:
     * chain the work on it and do not hand the session to concurrent tasks.
     *
     * @return the session, when subscribed
     * @throws IllegalStateException outside a context (HL201), or when no async engine is configured (HL207)
     */
    Uni<Mutiny.Session> session();

    /**
     * The named async engine's session in the context; see {@link #session()}.
     *
     * @param engine the async engine's name, a key under {@code asyncEngines}
     * @return the session, when subscribed
     * @throws IllegalArgumentException if there is no such async engine (HL203, listing the known ones)
     */
    Uni<Mutiny.Session> session(String engine);

    /**
     * The default async engine's Mutiny session factory: the recommended way to work
     * asynchronously ({@code withSession}, {@code withTransaction}), and the way to give each
     * concurrent task a session of its own. Sessions opened from it are not tied to a context.
     *
     * @return the session factory
     * @throws IllegalStateException when no async engine is configured (HL207)
     * @throws IllegalArgumentException when there is no async engine named {@code default}
     */
    Mutiny.SessionFactory sessionFactory();

    /**
     * The named async engine's Mutiny session factory; see {@link #sessionFactory()}.
     *
     * @param engine the async engine's name
     * @return the session factory
     * @throws IllegalArgumentException if there is no such async engine (HL203)
     */
    Mutiny.SessionFactory sessionFactory(String engine);

    /**
     * The {@code CompletionStage} flavour of {@link #sessionFactory()}: the same factory.
     *
     * @return the Stage session factory of the default async engine
     * @throws IllegalStateException when no async engine is configured (HL207)
     */
    Stage.SessionFactory stageSessionFactory();

    /**
     * The {@code CompletionStage} flavour of {@link #sessionFactory(String)}: the same factory.
     *
     * @param engine the async engine's name
     * @return the Stage session factory
     * @throws IllegalArgumentException if there is no such async engine (HL203)
     */
    Stage.SessionFactory stageSessionFactory(String engine);

    /**
     * Loads an entity by id with the context's reactive session of the async engine the entity is
     * bound to (the default one when it is bound to none), or fails with a 404: the async twin of
     * {@link HibernateLite#getOr404(Class, Object)}, flask-sqlalchemy-lite's {@code get_or_abort}.
     *
     * @param type the entity class
     * @param id its id
     * @param <T> the entity type
     * @return the entity, or a failure with {@code jakarta.ws.rs.NotFoundException} when there is no such row
     * @throws IllegalStateException outside a context (HL201)
     */
    <T> Uni<T> getOr404(Class<T> type, Object id);

    /**
     * As {@link #getOr404(Class, Object)}, with the message the 404 response carries.
     *
     * @param type the entity class
     * @param id its id
     * @param message the 404's message, or null for the standard one
     * @param <T> the entity type
     * @return the entity, or a failure with {@code NotFoundException}
     */
    <T> Uni<T> getOr404(Class<T> type, Object id, String message);

    /**
     * The query's one result, or a failure with a 404 when it has none or more than one: the async
     * twin of {@link HibernateLite#oneOr404}, flask-sqlalchemy-lite's {@code one_or_abort}. At most
     * two rows are fetched.
     *
     * @param query a query from one of the context's reactive sessions
     * @param <T> the result type
     * @return the single result, or a failure with {@code NotFoundException}
     */
    <T> Uni<T> oneOr404(Mutiny.SelectionQuery<T> query);

    /**
     * As {@link #oneOr404(Mutiny.SelectionQuery)}, with the message the 404 response carries.
     *
     * @param query a query from one of the context's reactive sessions
     * @param message the 404's message, or null for the standard one
     * @param <T> the result type
     * @return the single result, or a failure with {@code NotFoundException}
     */
    <T> Uni<T> oneOr404(Mutiny.SelectionQuery<T> query, String message);

    /**
     * The default async engine's Vert.x pool, for code that must use SQL directly (a bulk copy, a
     * query Hibernate cannot express): the counterpart of {@link Engine#dataSource()}. The bundle
     * owns it (do not close it); under test isolation it serves the isolation's connection, so such
     * code is isolated too.
     *
     * @return the pool
     * @throws IllegalStateException when no async engine is configured (HL207), or the engine was
     *         configured with another {@code hibernate.vertx.pool.class}
     */
    Pool pool();

    /**
     * The named async engine's Vert.x pool; see {@link #pool()}.
     *
     * @param engine the async engine's name
     * @return the pool
     * @throws IllegalArgumentException if there is no such async engine (HL203)
     */
    Pool pool(String engine);

    /**
     * Turns a {@code Uni} into what a Jersey resource returns, completing it on a worker thread
     * rather than on the event loop where Hibernate Reactive ends its work: Jersey then writes the
     * response, and the request's context closes, off the event loop.
     *
     * @param uni the resource's result
     * @param <T> the result type
     * @return a stage that completes on a Mutiny worker thread
     */
    <T> CompletionStage<T> respond(Uni<T> uni);
}
