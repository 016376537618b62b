package dev.hibernatelite.it.app;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/** Every way a request can use the database, one route each. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {
    private final HibernateLite<ProbeConfig> db;
    private final ExecutorService executor;
    private final SlowRequests slow;

    ProbeResource(HibernateLite<ProbeConfig> db, ExecutorService executor, SlowRequests slow) {
        this.db = db;
        this.executor = executor;
        this.slow = slow;
    }

    @GET
    @Path("plain")
    public String plain() {
        return "\"no database\"";
    }

    @GET
    @Path("notes")
    public List<String> list() {
        return db.session().createSelectionQuery("select n.text from Note n order by n.text", String.class)
                .getResultList();
    }

    @GET
    @Path("notes/{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        Note note = db.getOr404(Note.class, id);
        return Map.of("id", note.getId(), "text", note.getText());
    }

    @POST
    @Path("notes/uncommitted")
    public Map<String, Object> createWithoutCommit(@QueryParam("text") String text) {
        Note note = new Note(text);
        db.session().persist(note);
        return Map.of("id", note.getId());
    }

    @POST
    @Path("notes/committed")
    public Map<String, Object> createAndCommit(@QueryParam("text") String text) {
        Note note = new Note(text);
        db.session().persist(note);
        db.commit();
        return Map.of("id", note.getId());
    }

    @POST
    @Path("notes/annotated")
    @CommitOnSuccess
    public Map<String, Object> createAnnotated(@QueryParam("text") String text) {
        Note note = new Note(text);
        db.session().persist(note);
        return Map.of("id", note.getId());
    }

    @POST
    @Path("notes/annotated-then-conflict")
    @CommitOnSuccess
    public Map<String, Object> createAnnotatedThenFail(@QueryParam("text") String text) {
        db.session().persist(new Note(text));
        throw new WebApplicationException("refused after writing", Response.Status.CONFLICT);
    }

    /** The rename is flushed only at commit: a duplicate name fails there, after the method returned. */
    @POST
    @Path("notes/{id}/rename")
    @CommitOnSuccess
    public Map<String, Object> rename(@PathParam("id") long id, @QueryParam("to") String to) {
        db.getOr404(Note.class, id).setText(to);
        return Map.of("id", id, "text", to);
    }

    @POST
    @Path("notes/{id}/delete")
    public Map<String, Object> delete(@PathParam("id") long id) {
        db.session().remove(db.getOr404(Note.class, id));
        db.commit();
        return Map.of("deleted", id);
    }

    @GET
    @Path("session-identity")
    public Map<String, Object> sessionIdentity(@Context ContainerRequestContext request) {
        int first = System.identityHashCode(db.session());
        int second = System.identityHashCode(db.session());
        Object fromFilter = request.getProperty(NoteCountFilter.SESSION_PROPERTY);
        return Map.of("first", first, "second", second, "filter", fromFilter == null ? -1 : fromFilter,
                "count", request.getProperty(NoteCountFilter.HEADER) == null ? -1
                        : request.getProperty(NoteCountFilter.HEADER));
    }

    /** One statement that sleeps on the server ({@code pg_sleep} or MariaDB's {@code SLEEP}): for statement timeouts. */
    @GET
    @Path("sleep")
    public Map<String, Object> sleep(@QueryParam("seconds") double seconds, @QueryParam("function") String function) {
        String call = "SLEEP".equals(function) ? "SLEEP" : "pg_sleep";
        db.session().createNativeQuery("SELECT " + call + "(" + seconds + ")", Object.class).getSingleResult();
        return Map.of("slept", seconds);
    }

    /** Holds a connection for a while inside a transaction, then commits a note: for shutdown tests. */
    @POST
    @Path("notes/after-sleep")
    public Map<String, Object> createAfterSleep(@QueryParam("text") String text, @QueryParam("seconds") double seconds) {
        db.session().createNativeQuery("SELECT pg_sleep(" + seconds + ")", Object.class).getSingleResult();
        Note note = new Note(text);
        db.session().persist(note);
        db.commit();
        return Map.of("id", note.getId());
    }

    @GET
    @Path("throws")
    public String queryThenThrow() {
        db.session().createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult();
        throw new IllegalStateException("the resource failed after using the database");
    }

    @GET
    @Path("slow")
    public String queryThenWait(@QueryParam("text") String text) throws InterruptedException {
        db.session().persist(new Note(text));
        slow.arriveAndWait();
        return "\"done\"";
    }

    @GET
    @Path("async/notes/{id}")
    public CompletionStage<Map<String, Object>> getAsync(@PathParam("id") long id) {
        SessionContext context = db.currentContext();
        return CompletableFuture.supplyAsync(() -> {
            Note note = context.session().find(Note.class, id);
            return Map.<String, Object>of("id", note.getId(), "text", note.getText());
        }, executor);
    }

    @GET
    @Path("async/without-context")
    public CompletionStage<String> misuseAsync() {
        return CompletableFuture.supplyAsync(() -> db.session().toString(), executor);
    }

    @POST
    @Path("async/notes")
    @CommitOnSuccess
    public CompletionStage<Map<String, Object>> createAsync(@QueryParam("text") String text) {
        SessionContext context = db.currentContext();
        return CompletableFuture.supplyAsync(() -> {
            Note note = new Note(text);
            context.session().persist(note);
            return Map.<String, Object>of("id", note.getId());
        }, executor);
    }

    @POST
    @Path("suspended/notes")
    public void createSuspended(@QueryParam("text") String text, @Suspended AsyncResponse response) {
        SessionContext context = db.currentContext();
        executor.execute(() -> {
            try {
                Note note = new Note(text);
                context.session().persist(note);
                context.commit();
                response.resume(Response.status(Response.Status.CREATED).entity(Map.of("id", note.getId())).build());
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }

    @POST
    @Path("suspended/fail")
    public void failSuspended(@QueryParam("text") String text, @Suspended AsyncResponse response) {
        db.session().persist(new Note(text));
        executor.execute(() -> response.resume(new IllegalStateException("the background work failed")));
    }

    /**
     * Writes a note, commits it or not, then asks a read-only context which server answers and
     * whether it sees the note: after a commit, the primary (read your writes).
     */
    @POST
    @Path("notes/write-then-read-only")
    public Map<String, Object> writeThenReadOnly(@QueryParam("text") String text, @QueryParam("commit") boolean commit) {
        db.session().persist(new Note(text));
        if (commit) {
            db.commit();
        } else {
            db.session().flush();
        }
        try (SessionContext readOnly = db.readOnlyContext()) {
            Object[] row = db.session().createNativeQuery("SELECT pg_is_in_recovery(),"
                    + " (SELECT count(*) FROM notes WHERE text = :text)", Object[].class)
                    .setParameter("text", text).getSingleResult();
            return Map.of("inRecovery", row[0], "seen", row[1]);
        }
    }
}
