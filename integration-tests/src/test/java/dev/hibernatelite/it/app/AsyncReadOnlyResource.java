package dev.hibernatelite.it.app;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.testfixtures.Note;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Read-only async routes: the request's reactive session is read-only. */
@Path("/async/read-only")
@Produces(MediaType.APPLICATION_JSON)
@ReadOnly
public class AsyncReadOnlyResource {
    private final HibernateLite<ProbeConfig> db;

    AsyncReadOnlyResource(HibernateLite<ProbeConfig> db) {
        this.db = db;
    }

    @GET
    @Path("notes")
    public CompletionStage<List<String>> list() {
        return db.async().respond(db.async().session().chain(session -> session
                .createSelectionQuery("select n.text from Note n order by n.text", String.class).getResultList()));
    }

    /** Whether the database holds the session's connection read-only. */
    @GET
    @Path("read-only-setting")
    public CompletionStage<String> readOnlySetting() {
        return db.async().respond(db.async().session().chain(session -> session
                .createNativeQuery("SELECT current_setting('transaction_read_only')", String.class).getSingleResult()
                .map(setting -> "\"" + setting + "\"")));
    }

    /** A write in a transaction: refused in a read-only context (HL240). */
    @POST
    @Path("notes")
    public CompletionStage<String> create(@QueryParam("text") String text) {
        return db.async().respond(db.async().session().chain(session -> session
                .withTransaction(tx -> session.persist(new Note(text))).map(done -> "\"created\"")));
    }
}
