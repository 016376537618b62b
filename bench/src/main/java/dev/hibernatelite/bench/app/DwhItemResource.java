package dev.hibernatelite.bench.app;

import io.dropwizard.hibernate.UnitOfWork;
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

import java.util.List;

/**
 * The routes as a dropwizard-hibernate application writes them: {@code @UnitOfWork} with its
 * defaults (a transaction, committed when the method returns, before the response is written;
 * the session closed after it is written) and a DAO.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DwhItemResource {
    private final ItemDao dao;

    public DwhItemResource(ItemDao dao) {
        this.dao = dao;
    }

    @GET
    @Path("{id}")
    @UnitOfWork
    public Item get(@PathParam("id") long id) {
        Item item = dao.findById(id);
        if (item == null) {
            throw new NotFoundException();
        }
        return item;
    }

    @GET
    @UnitOfWork
    public List<Item> list(@QueryParam("after") @DefaultValue("0") long after,
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        return dao.page(after, Math.min(Math.max(limit, 1), 100));
    }

    @GET
    @Path("{id}/parts")
    @UnitOfWork
    public List<Part> parts(@PathParam("id") long id) {
        return dao.parts(id);
    }

    @POST
    @UnitOfWork
    public Item create(NewItem body) {
        return dao.create(body.toEntity());
    }
}
