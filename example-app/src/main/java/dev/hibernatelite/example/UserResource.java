package dev.hibernatelite.example;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.hibernate.Session;

import java.util.List;

import static jakarta.ws.rs.core.Response.Status.CONFLICT;

/**
 * Users and their posts, as JSON: flask-sqlalchemy-lite's {@code user_list} and
 * {@code user_create}. Each request has its own session ({@code db.session()}); nothing is
 * saved unless the method calls {@code db.commit()}.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    private final HibernateLite<BlogConfig> db;

    /** @param db the application's database bundle */
    public UserResource(HibernateLite<BlogConfig> db) {
        this.db = db;
    }

    /**
     * The body of {@code POST /users}.
     *
     * @param name the new user's name
     */
    public record NewUser(@NotBlank @Size(max = User.NAME_LENGTH) String name) {
    }

    /**
     * The body of {@code POST /users/{id}/posts}.
     *
     * @param title the post's title
     * @param body the post's text
     */
    public record NewPost(@NotBlank @Size(max = Post.TITLE_LENGTH) String title,
                          @NotBlank @Size(max = Post.BODY_LENGTH) String body) {
    }

    /**
     * @param contains when given, only the users whose name contains it ({@code GET /users?q=ad})
     * @return the users, ordered by name
     */
    @GET
    @ReadOnly
    public List<User> list(@QueryParam("q") String contains) {
        if (contains == null) {
            return db.session().createSelectionQuery("from User order by name", User.class).getResultList();
        }
        return db.session().createSelectionQuery("from User where name like :pattern escape '!' order by name",
                        User.class)
                .setParameter("pattern", Search.containing(contains))
                .getResultList();
    }

    /**
     * Creates a user.
     *
     * @param request the user's name
     * @return 201 with the user and its URL; 409 when the name is taken (also when two requests race for it)
     */
    @POST
    public Response create(@NotNull @Valid NewUser request) {
        Session session = db.session();
        User existing = session.createSelectionQuery("from User where name = :name", User.class)
                .setParameter("name", request.name())
                .getSingleResultOrNull();
        if (existing != null) {
            throw new ClientErrorException("A user named '" + request.name() + "' already exists.", CONFLICT);
        }
        User user = new User(request.name());
        session.persist(user);
        db.commit();
        return Response.created(UriBuilder.fromResource(UserResource.class).path("{id}").build(user.getId()))
                .entity(user)
                .build();
    }

    /**
     * @param id the user's id
     * @return the user; 404 when there is none
     */
    @GET
    @ReadOnly
    @Path("{id}")
    public User get(@PathParam("id") long id) {
        return db.getOr404(User.class, id, "There is no user " + id + ".");
    }

    /**
     * Writes a post.
     *
     * @param id the author's id
     * @param request the post's title and text
     * @return 201 with the post and its URL; 404 when there is no such user
     */
    @POST
    @Path("{id}/posts")
    public Response createPost(@PathParam("id") long id, @NotNull @Valid NewPost request) {
        Post post = new Post(get(id), request.title(), request.body());
        db.session().persist(post);
        db.commit();
        return Response.created(UriBuilder.fromResource(PostResource.class).path("{id}").build(post.getId()))
                .entity(post)
                .build();
    }

    /**
     * @param id the author's id
     * @param since when given, only the posts created at or after it ({@code ?since=2025-01-31T00:00:00Z})
     * @return the user's posts, newest first; 404 when there is no such user, 400 when {@code since} is not an instant
     */
    @GET
    @ReadOnly
    @Path("{id}/posts")
    public List<Post> posts(@PathParam("id") long id, @QueryParam("since") String since) {
        return db.session()
                .createSelectionQuery("from Post where author = :author and createdAt >= :since"
                        + " order by createdAt desc, id desc", Post.class)
                .setParameter("author", get(id))
                .setParameter("since", Search.since(since))
                .getResultList();
    }
}
