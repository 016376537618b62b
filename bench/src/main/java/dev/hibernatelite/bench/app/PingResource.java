package dev.hibernatelite.bench.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A route that does not touch the database: it must borrow no connection in any family. */
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {
    /** The answer. */
    public record Pong(boolean ok, String service) {
    }

    private static final Pong PONG = new Pong(true, "bench");

    @GET
    public Pong ping() {
        return PONG;
    }
}
