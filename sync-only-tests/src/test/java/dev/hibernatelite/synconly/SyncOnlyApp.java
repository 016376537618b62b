package dev.hibernatelite.synconly;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.PrintStream;
import java.util.List;

/** A service with only sync engines, declared as a user would, async map included. */
public class SyncOnlyApp extends Application<SyncOnlyConfig> {
    private final HibernateLite<SyncOnlyConfig> db;

    public SyncOnlyApp() {
        this(System.out);
    }

    public SyncOnlyApp(PrintStream commandOutput) {
        db = HibernateLite.<SyncOnlyConfig>builder()
                .engines(SyncOnlyConfig::getEngines)
                .asyncEngines(SyncOnlyConfig::getAsyncEngines)
                .entities(Note.class)
                .commandOutput(commandOutput)
                .build();
    }

    public static void main(String[] args) throws Exception {
        new SyncOnlyApp().run(args);
    }

    public HibernateLite<SyncOnlyConfig> db() {
        return db;
    }

    @Override
    public void initialize(Bootstrap<SyncOnlyConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(SyncOnlyConfig configuration, Environment environment) {
        db.engine().createAll();
        environment.jersey().register(new Notes(db));
    }

    /** The routes. */
    @Path("/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Notes {
        private final HibernateLite<SyncOnlyConfig> db;

        Notes(HibernateLite<SyncOnlyConfig> db) {
            this.db = db;
        }

        @POST
        @CommitOnSuccess
        public Note create(@QueryParam("text") String text) {
            Note note = new Note(text);
            db.session().persist(note);
            return note;
        }

        @GET
        public List<String> list() {
            return db.session().createSelectionQuery("select n.text from Note n order by n.text", String.class)
                    .getResultList();
        }

        @GET
        @Path("{id}")
        public Note get(@PathParam("id") long id) {
            return db.getOr404(Note.class, id);
        }
    }
}
