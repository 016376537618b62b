package dev.hibernatelite.it.app;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.testfixtures.Note;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Read-only routes, and the ways a read-only request could try to write. */
@Path("/read-only")
@Produces(MediaType.APPLICATION_JSON)
@ReadOnly
public class ReadOnlyResource {
    private final HibernateLite<ProbeConfig> db;

    ReadOnlyResource(HibernateLite<ProbeConfig> db) {
        this.db = db;
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

    /** Which server answered, and whether it ran the statement inside a transaction block. */
    @GET
    @Path("server")
    public Map<String, Object> server() {
        Object[] row = db.session().createNativeQuery("SELECT pg_is_in_recovery(), current_setting('transaction_read_only'),"
                + " inet_server_port()", Object[].class).getSingleResult();
        return Map.of("inRecovery", row[0], "readOnly", row[1], "port", row[2]);
    }

    @POST
    @Path("notes/persist-and-commit")
    public String persistAndCommit(@QueryParam("text") String text) {
        db.session().persist(new Note(text));
        db.commit();
        return "\"committed\"";
    }

    /** An INSERT sent straight over the session's connection: what the database answers. */
    @POST
    @Path("notes/jdbc-insert")
    public Map<String, Object> jdbcInsert(@QueryParam("text") String text) {
        return db.session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
                insert.setString(1, text);
                return Map.of("inserted", insert.executeUpdate());
            } catch (SQLException refused) {
                return Map.of("sqlState", refused.getSQLState(), "autoCommit", connection.getAutoCommit());
            }
        });
    }

    @POST
    @Path("notes/{id}/change-loaded")
    public Map<String, Object> changeLoaded(@PathParam("id") long id, @QueryParam("text") String text) {
        Note note = db.getOr404(Note.class, id);
        note.setText(text);
        return Map.of("id", note.getId(), "text", note.getText());
    }
}
