package dev.hibernatelite.internal.context;

import dev.hibernatelite.CommitOnSuccess;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes every Jersey request a database context. The context is created when the request
 * starts (an empty object: no session, no connection), is current on the request thread from
 * the request filters through the resource method, and ends when Jersey has written the
 * response, whichever thread that happens on, so lazy associations serialise and async
 * resources keep their sessions until they complete. Resource methods annotated with
 * {@link CommitOnSuccess} have every session committed (by the {@link CommitOnSuccessFilter})
 * after the method returns or its {@code CompletionStage} completes, and rolled back on any
 * exception.
 *
 * <p>Internal: not part of the public API.
 */
public final class RequestContextListener implements ApplicationEventListener {
    private final Contexts contexts;
    private final ConcurrentMap<ResourceMethod, Boolean> commitOnSuccess = new ConcurrentHashMap<>();

    /** @param contexts makes the requests' contexts */
    public RequestContextListener(Contexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to do at the application level
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        ContainerRequest request = start.getContainerRequest();
        ContextSessions context = contexts.openForRequest(new RequestDescription(request));
        RequestScope scope = new RequestScope(this, context, contexts.binding());
        request.setProperty(RequestScope.PROPERTY, scope);
        return scope;
    }

    boolean commitsOnSuccess(ResourceMethod method) {
        if (method == null) {
            return false;
        }
        return commitOnSuccess.computeIfAbsent(method, m -> {
            Invocable invocable = m.getInvocable();
            return annotated(invocable.getHandlingMethod()) || annotated(invocable.getDefinitionMethod());
        });
    }

    private static boolean annotated(Method method) {
        return method != null && (method.isAnnotationPresent(CommitOnSuccess.class)
                || method.getDeclaringClass().isAnnotationPresent(CommitOnSuccess.class));
    }

    /** Describes the request in messages; built only when a message needs it. */
    private static final class RequestDescription {
        private final ContainerRequest request;

        RequestDescription(ContainerRequest request) {
            this.request = request;
        }

        @Override
        public String toString() {
            return "request " + request.getMethod() + " /" + request.getPath(true);
        }
    }
}
