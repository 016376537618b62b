package dev.hibernatelite.it.app;

import dev.hibernatelite.HibernateLite;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The same probes as {@link ProbeResource}, through Hibernate Reactive sessions. */
@Path("/reactive")
@Produces(MediaType.APPLICATION_JSON)
public class AsyncProbeResource {
    private final HibernateLite<ProbeConfig> db;
    private final SlowRequests slow;

    AsyncProbeResource(HibernateLite<ProbeConfig> db, SlowRequests slow) {
        this.db = db;
        this.slow = slow;
    }

    /** Writes in a transaction, then waits (without blocking a thread) until the test releases it. */
    @POST
    @Path("notes/slow")
    public CompletionStage<Response> createSlowly(@QueryParam("text") String text) {
        return db.asyncSession()
                .chain(session -> session.withTransaction(tx -> session.persist(new Note(text))
                        .call(session::flush)
                        .call(() -> Uni.createFrom().completionStage(slow.arriveAndGate()))))
                .map(done -> Response.ok().build())
                .subscribeAsCompletionStage();
    }

    @GET
    @Path("notes/{id}")
    public CompletionStage<Map<String, Object>> get(@PathParam("id") long id) {
        return db.asyncSession()
                .chain(session -> session.find(Note.class, id))
                .map(note -> {
                    if (note == null) {
                        throw new NotFoundException();
                    }
                    return Map.<String, Object>of("id", note.getId(), "text", note.getText());
                })
                .subscribeAsCompletionStage();
    }

    @POST
    @Path("notes")
    public CompletionStage<Response> create(@QueryParam("text") String text) {
        Note note = new Note(text);
        return db.asyncSession()
                .chain(session -> session.withTransaction(tx -> session.persist(note)))
                .map(done -> Response.status(Response.Status.CREATED).entity(Map.of("id", note.getId())).build())
                .subscribeAsCompletionStage();
    }

    @POST
    @Path("notes/fail-midway")
    public CompletionStage<Response> createThenFail(@QueryParam("text") String text) {
        return db.asyncSession()
                .chain(session -> session.withTransaction(tx -> session.persist(new Note(text))
                        .call(session::flush)
                        .chain(() -> Uni.createFrom().<Void>failure(
                                new WebApplicationException("refused after writing", Response.Status.CONFLICT)))))
                .map(done -> Response.ok().build())
                .subscribeAsCompletionStage();
    }

    @GET
    @Path("notes/count")
    public CompletionStage<Long> count(@QueryParam("text") String text) {
        return db.asyncSessionFactory()
                .withSession(session -> session.createSelectionQuery(
                        "select count(n) from Note n where n.text = :text", Long.class)
                        .setParameter("text", text).getSingleResult())
                .subscribeAsCompletionStage();
    }

    /** Two queries at once, each in a session of its own: the way to run concurrent tasks. */
    @GET
    @Path("notes/concurrent")
    public CompletionStage<Map<String, Object>> concurrent() {
        Uni<Long> first = db.asyncSessionFactory().withSession(session ->
                session.createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult());
        Uni<Long> second = db.asyncSessionFactory().withSession(session ->
                session.createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult());
        return Uni.combine().all().unis(first, second).asTuple()
                .map(both -> Map.<String, Object>of("first", both.getItem1(), "second", both.getItem2()))
                .subscribeAsCompletionStage();
    }
}
