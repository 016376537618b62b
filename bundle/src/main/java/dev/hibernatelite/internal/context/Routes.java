package dev.hibernatelite.internal.context;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.RequestEvent;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A matched request's route as people read it in logs: the HTTP method, the path template
 * ({@code /notes/{id}}, whatever the id) and the resource method,
 * {@code POST /notes (NoteResource.create)}.
 *
 * <p>Internal: not part of the public API.
 */
final class Routes {
    private Routes() {
    }

    static String of(RequestEvent event) {
        String method = event.getContainerRequest().getMethod();
        ResourceMethod matched = event.getUriInfo().getMatchedResourceMethod();
        if (matched == null) {
            return method + " /" + event.getContainerRequest().getPath(true);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (Resource resource = matched.getParent(); resource != null; resource = resource.getParent()) {
            String path = resource.getPath();
            if (path != null && !path.isEmpty() && !path.equals("/")) {
                parts.addFirst(path.replaceAll("^/+|/+$", ""));
            }
        }
        String route = method + " /" + String.join("/", parts);
        Method handling = matched.getInvocable().getHandlingMethod();
        return handling == null ? route
                : route + " (" + handling.getDeclaringClass().getSimpleName() + "." + handling.getName() + ")";
    }
}
