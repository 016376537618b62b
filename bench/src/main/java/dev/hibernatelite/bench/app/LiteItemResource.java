package dev.hibernatelite.bench.app;

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
 * The routes written with this bundle, as its README writes them: {@code db.getOr404},
 * {@code db.session()} queries (an item, a page of items, an item's parts), {@code persist} then
 * {@code db.commit()}. Reads commit nothing:
 * their transaction is rolled back when the request's context closes, after the response is
 * written.
 *
 * <p>With {@code releaseBeforeWrite} (a diagnostic, not how the bundle is used) the read routes
 * end their transaction before returning, without clearing the session, so the connection goes
 * back to the pool before the JSON is written: what the bundle would do if it ended transactions
 * when the response filters have run instead of after the response is written.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiteItemResource {
    static final String LIST_QUERY = "from Item where id > :after order by id";
    static final String PARTS_QUERY = "from Part where item.id = :item order by id";

    private final HibernateLite<BenchConfig> db;
    private final boolean releaseBeforeWrite;

    public LiteItemResource(HibernateLite<BenchConfig> db, boolean releaseBeforeWrite) {
        this.db = db;
        this.releaseBeforeWrite = releaseBeforeWrite;
    }

    @GET
    @Path("{id}")
    public Item get(@PathParam("id") long id) {
        Item item = db.getOr404(Item.class, id);
        endReadTransaction();
        return item;
    }

    @GET
    public List<Item> list(@QueryParam("after") @DefaultValue("0") long after,
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        List<Item> items = db.session().createSelectionQuery(LIST_QUERY, Item.class)
                .setParameter("after", after)
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
        endReadTransaction();
        return items;
    }

    @GET
    @Path("{id}/parts")
    public List<Part> parts(@PathParam("id") long id) {
        List<Part> parts = db.session().createSelectionQuery(PARTS_QUERY, Part.class)
                .setParameter("item", id)
                .getResultList();
        endReadTransaction();
        return parts;
    }

    @POST
    public Item create(NewItem body) {
        Item item = body.toEntity();
        db.session().persist(item);
        db.commit();
        return item;
    }

    private void endReadTransaction() {
        if (releaseBeforeWrite) {
            db.session().getTransaction().rollback();
        }
    }
}
