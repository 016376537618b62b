package dev.hibernatelite.bench.app;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.HibernateLite;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The same routes written with {@code @CommitOnSuccess} on the class, dropwizard-hibernate's
 * {@code @UnitOfWork} habit: every route, reads included, commits when it returns.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CommitOnSuccess
public class LiteCommitOnSuccessResource {
    private final HibernateLite<BenchConfig> db;

    public LiteCommitOnSuccessResource(HibernateLite<BenchConfig> db) {
        this.db = db;
    }

    @GET
    @Path("{id}")
    public Item get(@PathParam("id") long id) {
        return db.getOr404(Item.class, id);
    }

    @GET
    public List<Item> list(@QueryParam("after") @DefaultValue("0") long after,
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        return db.session().createSelectionQuery(LiteItemResource.LIST_QUERY, Item.class)
                .setParameter("after", after)
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }

    @GET
    @Path("{id}/parts")
    public List<Part> parts(@PathParam("id") long id) {
        return db.session().createSelectionQuery(LiteItemResource.PARTS_QUERY, Part.class)
                .setParameter("item", id)
                .getResultList();
    }

    @POST
    public Item create(NewItem body) {
        Item item = body.toEntity();
        db.session().persist(item);
        return item;
    }
}
