package dev.hibernatelite;

import io.smallrye.mutiny.Uni;
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
