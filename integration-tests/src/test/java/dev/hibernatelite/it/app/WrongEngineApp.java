package dev.hibernatelite.it.app;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testfixtures.Tag;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Note on {@code default}, Tag on {@code tags}, and routes that ask an engine for the other's entity. */
public class WrongEngineApp extends Application<ProbeConfig> {
    private final HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder()
            .engines(ProbeConfig::getEngines)
            .asyncEngines(ProbeConfig::getAsyncEngines)
            .entities(Note.class)
            .entities("tags", Tag.class)
            .build();

    @Override
    public void initialize(Bootstrap<ProbeConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(ProbeConfig configuration, Environment environment) {
        environment.jersey().register(new Routes(db));
    }

    /** The routes. */
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Routes {
        private final HibernateLite<ProbeConfig> db;

        Routes(HibernateLite<ProbeConfig> db) {
            this.db = db;
        }

        @GET
        @Path("query/{entity}")
        public int query(@PathParam("entity") String entity) {
            return db.session().createSelectionQuery("from " + entity, Object.class).getResultList().size();
        }

        @GET
        @Path("find-tag")
        public String findTag() {
            return String.valueOf(db.session().find(Tag.class, 1L));
        }

        @GET
        @Path("async/query/{entity}")
        public CompletionStage<Integer> queryAsync(@PathParam("entity") String entity) {
            return db.async().session("events")
                    .chain(session -> session.createSelectionQuery("from " + entity, Object.class).getResultList())
                    .map(List::size)
                    .subscribeAsCompletionStage();
        }
    }
}
