package dev.hibernatelite.example;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.example.UserResource.NewPost;
import dev.hibernatelite.example.UserResource.NewUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;

import static jakarta.ws.rs.core.Response.Status.CONFLICT;
import java.util.concurrent.CompletionStage;

/**
 * The async twin of {@link UserResource}: the same routes and JSON under {@code /async/users},
 * on Hibernate Reactive. Each method asks for the request's reactive session
 * ({@code db.async().session()}), chains its work on it and returns a {@code CompletionStage};
 * the session is closed when the request ends. Writes run in {@code withTransaction}: a
 * reactive session never begins a transaction on its own, and outside one every statement
 * commits by itself. Registered only when the configuration has an async engine.
 */
@Path("/async/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AsyncUserResource {
    private final HibernateLite<BlogConfig> db;

    /** @param db the application's database bundle */
    public AsyncUserResource(HibernateLite<BlogConfig> db) {
        this.db = db;
    }

    /**
     * @param contains when given, only the users whose name contains it ({@code GET /async/users?q=ad})
     * @return the users, ordered by name
     */
    @GET
    @ReadOnly
    public CompletionStage<List<User>> list(@QueryParam("q") String contains) {
        // Jersey writes the response on the thread that completes the stage. The list has no bound,
        // and a slow client would hold an event loop while it is written: respond completes
        // the stage on a worker thread instead, now that the session's work is done.
        return db.async().respond(db.async().session()
                .chain(session -> contains == null
                        ? session.createSelectionQuery("from User order by name", User.class).getResultList()
                        : session.createSelectionQuery("from User where name like :pattern escape '!' order by name",
                                        User.class)
                                .setParameter("pattern", Search.containing(contains))
                                .getResultList()));
    }

    /**
     * Creates a user.
     *
     * @param request the user's name
     * @return 201 with the user and its URL; 409 when the name is taken (also when two requests race for it)
     */
    @POST
    public CompletionStage<Response> create(@NotNull @Valid NewUser request) {
        return db.async().session()
                .chain(session -> session.withTransaction(tx -> session
                        .createSelectionQuery("from User where name = :name", User.class)
                        .setParameter("name", request.name())
                        .getSingleResultOrNull()
                        .chain(existing -> {
                            if (existing != null) {
                                throw new ClientErrorException(
                                        "A user named '" + request.name() + "' already exists.", CONFLICT);
                            }
                            User user = new User(request.name());
                            return session.persist(user).replaceWith(user);
                        })))
                .map(user -> Response.created(UriBuilder.fromResource(AsyncUserResource.class).path("{id}")
                                .build(user.getId()))
                        .entity(user)
                        .build())
                .subscribeAsCompletionStage();
    }

    /**
     * @param id the user's id
     * @return the user; 404 when there is none
     */
    @GET
    @ReadOnly
    @Path("{id}")
    public CompletionStage<User> get(@PathParam("id") long id) {
        return db.async().session()
                .chain(session -> findUser(session, id))
                .subscribeAsCompletionStage();
    }

    /**
     * Writes a post. Its URL is the one {@link PostResource} serves, as for a post written
     * through {@code /users}.
     *
     * @param id the author's id
     * @param request the post's title and text
     * @return 201 with the post and its URL; 404 when there is no such user
     */
    @POST
    @Path("{id}/posts")
    public CompletionStage<Response> createPost(@PathParam("id") long id, @NotNull @Valid NewPost request) {
        return db.async().session()
                .chain(session -> session.withTransaction(tx -> findUser(session, id)
                        .chain(author -> {
                            Post post = new Post(author, request.title(), request.body());
                            return session.persist(post).replaceWith(post);
                        })))
                .map(post -> Response.created(UriBuilder.fromResource(PostResource.class).path("{id}")
                                .build(post.getId()))
                        .entity(post)
                        .build())
                .subscribeAsCompletionStage();
    }

    /**
     * @param id the author's id
     * @param since when given, only the posts created at or after it ({@code ?since=2025-01-31T00:00:00Z})
     * @return the user's posts, newest first, each with its author; 404 when there is no such user, 400 when
     *         {@code since} is not an instant
     */
    @GET
    @ReadOnly
    @Path("{id}/posts")
    public CompletionStage<List<Post>> posts(@PathParam("id") long id, @QueryParam("since") String since) {
        Instant from = Search.since(since);
        // The JSON includes each post's author, a lazy association. A reactive session cannot
        // load it later (Hibernate Reactive's HR000037: no transparent lazy fetching), and the
        // JSON is written after the Uni completed: so fetch it here, with the query's join fetch
        // (or, for one entity, session.fetch(post.getAuthor()) inside the chain).
        return db.async().session()
                .chain(session -> findUser(session, id)
                        .chain(author -> session.createSelectionQuery(
                                        "from Post p join fetch p.author where p.author = :author"
                                                + " and p.createdAt >= :since order by p.createdAt desc, p.id desc",
                                        Post.class)
                                .setParameter("author", author)
                                .setParameter("since", from)
                                .getResultList()))
                .subscribeAsCompletionStage();
    }

    private static Uni<User> findUser(Mutiny.Session session, long id) {
        return session.find(User.class, id)
                .onItem().ifNull().failWith(() -> new NotFoundException("There is no user " + id + "."));
    }
}
