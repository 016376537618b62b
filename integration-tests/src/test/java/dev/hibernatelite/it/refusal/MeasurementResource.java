package dev.hibernatelite.it.refusal;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.app.ProbeConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Writes what the client sends, unvalidated, so that the database is the one to refuse it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeasurementResource {
    private final HibernateLite<ProbeConfig> db;

    public MeasurementResource(HibernateLite<ProbeConfig> db) {
        this.db = db;
    }

    /** The body of {@code POST /measurements}: every field optional. */
    public record NewMeasurement(String label, Integer level, BigDecimal price, Instant takenAt, Long sensor) {
    }

    @POST
    @Path("sensors/{id}")
    public Response sensor(@PathParam("id") long id) {
        db.session().persist(new Sensor(id));
        db.commit();
        return Response.status(201).build();
    }

    @DELETE
    @Path("sensors/{id}")
    public Response deleteSensor(@PathParam("id") long id) {
        db.session().remove(db.getOr404(Sensor.class, id));
        db.commit();
        return Response.noContent().build();
    }

    @POST
    @Path("measurements")
    public Response create(NewMeasurement body) {
        Sensor sensor = body.sensor() == null ? null : db.session().getReference(Sensor.class, body.sensor());
        Measurement m = new Measurement(body.label(), body.level(), body.price(), body.takenAt(), sensor);
        db.session().persist(m);
        db.commit();
        return Response.status(201).entity(m.getId()).build();
    }

    /** The same write on another thread, the answer a {@code CompletionStage}: its failure arrives wrapped. */
    @POST
    @Path("measurements/later")
    public CompletionStage<Long> createLater(NewMeasurement body) {
        SessionContext context = db.currentContext();
        return CompletableFuture.supplyAsync(() -> {
            Measurement m = new Measurement(body.label(), body.level(), body.price(), body.takenAt(), null);
            context.session().persist(m);
            context.commit();
            return m.getId();
        });
    }

    @GET
    @Path("measurements/count")
    public long count(@QueryParam("minLevel") String minLevel) {
        return db.session().createSelectionQuery(
                        "select count(*) from Measurement where level >= cast(:min as Integer)", Long.class)
                .setParameter("min", minLevel)
                .getSingleResult();
    }
}
