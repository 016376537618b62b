package dev.hibernatelite.it.app;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.concurrent.CompletableFuture;
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
        return db.async().session()
                .chain(session -> session.withTransaction(tx -> session.persist(new Note(text))
                        .call(session::flush)
                        .call(() -> Uni.createFrom().completionStage(slow.arriveAndGate()))))
                .map(done -> Response.ok().build())
                .subscribeAsCompletionStage();
    }

    @GET
    @Path("notes/{id}")
    public CompletionStage<Map<String, Object>> get(@PathParam("id") long id) {
        return db.async().session()
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
        return db.async().session()
                .chain(session -> session.withTransaction(tx -> session.persist(note)))
                .map(done -> Response.status(Response.Status.CREATED).entity(Map.of("id", note.getId())).build())
                .subscribeAsCompletionStage();
    }

    @POST
    @Path("notes/{id}/delete")
    public CompletionStage<Response> delete(@PathParam("id") long id) {
        return db.async().session()
                .chain(session -> session.withTransaction(tx -> session.find(Note.class, id)
                        .chain(note -> note == null ? Uni.createFrom().failure(new NotFoundException())
                                : session.remove(note))))
                .map(done -> Response.ok().build())
                .subscribeAsCompletionStage();
    }

    @POST
    @Path("notes/fail-midway")
    public CompletionStage<Response> createThenFail(@QueryParam("text") String text) {
        return db.async().session()
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
        return db.async().sessionFactory()
                .withSession(session -> session.createSelectionQuery(
                        "select count(n) from Note n where n.text = :text", Long.class)
                        .setParameter("text", text).getSingleResult())
                .subscribeAsCompletionStage();
    }

    /** Two queries at once, each in a session of its own: the way to run concurrent tasks. */
    @GET
    @Path("notes/concurrent")
    public CompletionStage<Map<String, Object>> concurrent() {
        Uni<Long> first = db.async().sessionFactory().withSession(session ->
                session.createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult());
        Uni<Long> second = db.async().sessionFactory().withSession(session ->
                session.createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult());
        return Uni.combine().all().unis(first, second).asTuple()
                .map(both -> Map.<String, Object>of("first", both.getItem1(), "second", both.getItem2()))
                .subscribeAsCompletionStage();
    }

    /** The session's calls made from a thread of another executor, queries included. */
    @GET
    @Path("notes/count-elsewhere")
    public CompletionStage<Long> countFromAnotherThread(@QueryParam("text") String text) {
        return db.async().session()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(session -> session.createSelectionQuery("select count(n) from Note n where n.text = :text",
                        Long.class).setParameter("text", text).getSingleResult())
                .subscribeAsCompletionStage();
    }

    /** Misuse: two queries at once on the request's one session. Answers with the error's message. */
    @GET
    @Path("misuse/concurrent")
    public CompletionStage<String> concurrentOnOneSession() {
        return db.async().session()
                .chain(session -> Uni.combine().all().unis(
                        session.createSelectionQuery("from Note", Note.class).getResultList(),
                        session.createSelectionQuery("from Note", Note.class).getResultList()).asTuple())
                .map(both -> "no failure")
                .onFailure().recoverWithItem(Throwable::getMessage)
                .subscribeAsCompletionStage();
    }

    /** Where the response is completed when the resource uses db.async().respond(). */
    @GET
    @Path("response-thread")
    public CompletionStage<String> responseThread() {
        return db.async().respond(db.async().session().map(session -> "ignored"))
                .thenApply(ignored -> Thread.currentThread().getName());
    }

    /** The request's context handed to another thread, its async session used from there. */
    @GET
    @Path("notes/{id}/via-context")
    public CompletionStage<String> viaContext(@PathParam("id") long id) {
        SessionContext context = db.currentContext();
        return CompletableFuture.supplyAsync(() -> context.async().session(), Infrastructure.getDefaultWorkerPool())
                .thenCompose(session -> session.chain(s -> s.find(Note.class, id)).map(Note::getText)
                        .subscribeAsCompletionStage());
    }
}
