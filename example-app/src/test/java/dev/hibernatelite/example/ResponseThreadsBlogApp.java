package dev.hibernatelite.example;

import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blog, noting the thread that each route's last response was written on: Jersey writes a
 * {@code CompletionStage}'s response on the thread that completed it.
 */
public class ResponseThreadsBlogApp extends BlogApp {
    private static final Map<String, String> WRITERS = new ConcurrentHashMap<>();

    /** @return the thread that wrote the last response to {@code GET path}, or null */
    static String lastWriterOf(String path) {
        return WRITERS.get(path);
    }

    @Override
    public void run(BlogConfig config, Environment environment) {
        super.run(config, environment);
        environment.jersey().register((ContainerResponseFilter) (ContainerRequestContext request,
                ContainerResponseContext response) -> WRITERS.put("/" + request.getUriInfo().getPath(),
                        Thread.currentThread().getName()));
    }
}
