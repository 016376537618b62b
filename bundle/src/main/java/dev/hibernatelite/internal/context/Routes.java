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

    /**
     * @param event a request event after matching
     * @return its route, or its method and path when no resource method matched
     */
    static String of(RequestEvent event) {
        ResourceMethod matched = event.getUriInfo().getMatchedResourceMethod();
        return matched != null ? of(matched)
                : event.getContainerRequest().getMethod() + " /" + event.getContainerRequest().getPath(true);
    }

    /**
     * @param matched a resource method
     * @return its route
     */
    static String of(ResourceMethod matched) {
        String method = matched.getHttpMethod();
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
