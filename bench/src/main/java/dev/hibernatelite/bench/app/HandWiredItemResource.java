package dev.hibernatelite.bench.app;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.function.Function;

/**
 * Hand-wired Hibernate: a session per request opened and closed in the method
 * ({@code SessionFactory.fromTransaction}), so the connection is back in the pool before the
 * JSON (of detached, fully loaded entities) is written.
 *
 * <p>With {@code readOnly} (on a pool with auto-commit on) the read routes are the hand-written
 * peer of the bundle's {@code @ReadOnly}: a read-only session ({@code setDefaultReadOnly(true)},
 * no snapshots) with {@link FlushMode#MANUAL}, querying without a transaction (each statement in
 * auto-commit: one round trip, like plain JDBC). Inserts keep their transaction.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandWiredItemResource {
    private final SessionFactory sessionFactory;
    private final boolean readOnly;

    public HandWiredItemResource(SessionFactory sessionFactory, boolean readOnly) {
        this.sessionFactory = sessionFactory;
        this.readOnly = readOnly;
    }

    @GET
    @Path("{id}")
    public Item get(@PathParam("id") long id) {
        Item item = read(s -> s.find(Item.class, id));
        if (item == null) {
            throw new NotFoundException();
        }
        return item;
    }

    @GET
    public List<Item> list(@QueryParam("after") @DefaultValue("0") long after,
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        return read(s -> s.createSelectionQuery(LiteItemResource.LIST_QUERY, Item.class)
                .setParameter("after", after)
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList());
    }

    @GET
    @Path("{id}/parts")
    public List<Part> parts(@PathParam("id") long id) {
        return read(s -> s.createSelectionQuery(LiteItemResource.PARTS_QUERY, Part.class)
                .setParameter("item", id)
                .getResultList());
    }

    private <T> T read(Function<Session, T> work) {
        if (!readOnly) {
            return sessionFactory.fromTransaction(work);
        }
        try (Session session = sessionFactory.withOptions().flushMode(FlushMode.MANUAL).openSession()) {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        }
    }

    @POST
    public Item create(NewItem body) {
        Item item = body.toEntity();
        sessionFactory.inTransaction(s -> s.persist(item));
        return item;
    }
}
