package ${package};

import dev.hibernatelite.HibernateLite;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The todos over HTTP. Each request has its own session; nothing is committed unless the code says so. */
@Path("/todos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TodoResource {
    private final HibernateLite<TodoConfig> db;

    public TodoResource(HibernateLite<TodoConfig> db) {
        this.db = db;
    }

    @GET
    public List<Todo> list() {
        return db.session().createSelectionQuery("from Todo order by id", Todo.class).getResultList();
    }

    @GET
    @Path("{id}")
    public Todo get(@PathParam("id") long id) {
        return db.getOr404(Todo.class, id);
    }

    @POST
    public Todo create(Todo body) {
        Todo todo = new Todo(body.getTitle());
        db.session().persist(todo);
        db.commit();
        return todo;
    }
}
