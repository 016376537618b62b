package dev.hibernatelite.bench.app;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
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
 * The routes of {@link LiteItemResource} with the read routes marked {@link ReadOnly}, as
 * docs/sessions.md writes them: their sessions are read-only, without flush, in auto-commit (no
 * {@code BEGIN}/{@code ROLLBACK}), on the engine's read-only pool (on a replica with
 * {@code replicas:}). The insert is the same as {@link LiteItemResource}'s.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiteReadOnlyItemResource {
    private final HibernateLite<BenchConfig> db;

    public LiteReadOnlyItemResource(HibernateLite<BenchConfig> db) {
        this.db = db;
    }

    @GET
    @Path("{id}")
    @ReadOnly
    public Item get(@PathParam("id") long id) {
        return db.getOr404(Item.class, id);
    }

    @GET
    @ReadOnly
    public List<Item> list(@QueryParam("after") @DefaultValue("0") long after,
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        return db.session().createSelectionQuery(LiteItemResource.LIST_QUERY, Item.class)
                .setParameter("after", after)
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }

    @GET
    @Path("{id}/parts")
    @ReadOnly
    public List<Part> parts(@PathParam("id") long id) {
        return db.session().createSelectionQuery(LiteItemResource.PARTS_QUERY, Part.class)
                .setParameter("item", id)
                .getResultList();
    }

    @POST
    public Item create(NewItem body) {
        Item item = body.toEntity();
        db.session().persist(item);
        db.commit();
        return item;
    }
}
