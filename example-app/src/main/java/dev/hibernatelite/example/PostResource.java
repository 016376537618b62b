package dev.hibernatelite.example;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One post, where {@code POST /users/{id}/posts} says it is. */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {
    private final HibernateLite<BlogConfig> db;

    /** @param db the application's database bundle */
    public PostResource(HibernateLite<BlogConfig> db) {
        this.db = db;
    }

    /**
     * The post alone is loaded here; its lazy author is loaded after this method returns, while
     * the response is written, because the request's session is still open then.
     *
     * @param id the post's id
     * @return the post; 404 when there is none
     */
    @GET
    @ReadOnly
    @Path("{id}")
    public Post get(@PathParam("id") long id) {
        return db.getOr404(Post.class, id, "There is no post " + id + ".");
    }
}
