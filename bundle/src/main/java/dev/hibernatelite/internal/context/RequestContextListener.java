package dev.hibernatelite.internal.context;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.internal.config.EntityBindings;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes every Jersey request a database context. The context is created when the request
 * starts (an empty object: no session, no connection), is current on the request thread from
 * the request filters through the resource method, and ends when Jersey has written the
 * response, whichever thread that happens on, so lazy associations serialise and async
 * resources keep their sessions until they complete. What a resource method's annotations ask
 * ({@link CommitOnSuccess}, {@link ReadOnly}) applies from the moment it is matched: sessions
 * are read-only, or every session is committed (by the {@link CommitOnSuccessFilter}) after the
 * method returns or its {@code CompletionStage} completes, and rolled back on any exception.
 * Contradicting annotations stop startup.
 *
 * <p>Internal: not part of the public API.
 */
public final class RequestContextListener implements ApplicationEventListener {
    private final Contexts contexts;
    private final MethodUnits unitsOf;
    private final ConcurrentMap<ResourceMethod, RequestPolicy> policies = new ConcurrentHashMap<>();
    private final boolean warnsOnUncommittedChanges;
    private final EntityBindings bindings;

    /**
     * @param contexts makes the requests' contexts
     * @param unitsOf reads the units of work of resource methods (dropwizard-hibernate's {@code @UnitOfWork})
     * @param warnsOnUncommittedChanges whether a request that ends with uncommitted changes logs a WARN
     * @param bindings which engine each entity is bound to, to explain an entity asked of the wrong one
     */
    public RequestContextListener(Contexts contexts, MethodUnits unitsOf, boolean warnsOnUncommittedChanges,
                                  EntityBindings bindings) {
        this.contexts = contexts;
        this.unitsOf = unitsOf;
        this.warnsOnUncommittedChanges = warnsOnUncommittedChanges;
        this.bindings = bindings;
    }

    /** @return which engine each entity is bound to */
    EntityBindings bindings() {
        return bindings;
    }

    /** @return whether requests that end with uncommitted changes log a WARN */
    boolean warnsOnUncommittedChanges() {
        return warnsOnUncommittedChanges;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        if (event.getType() == ApplicationEvent.Type.INITIALIZATION_APP_FINISHED && event.getResourceModel() != null) {
            event.getResourceModel().getResources().forEach(this::checkAnnotations);
        }
    }

    private void checkAnnotations(Resource resource) {
        resource.getResourceMethods().forEach(this::policy);
        resource.getChildResources().forEach(this::checkAnnotations);
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        ContainerRequest request = start.getContainerRequest();
        ContextSessions context = contexts.openForRequest(new RequestDescription(request));
        RequestScope scope = new RequestScope(this, context, contexts.binding());
        request.setProperty(RequestScope.PROPERTY, scope);
        return scope;
    }

    RequestPolicy policy(ResourceMethod method) {
        return method == null ? RequestPolicy.PLAIN : policies.computeIfAbsent(method, m -> RequestPolicy.of(m, unitsOf));
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
