package dev.hibernatelite.internal.context;

import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * One request's context and what the request asked of it. Jersey hands it events one at a
 * time, possibly on different threads (an async resource completes elsewhere); the
 * {@link CommitOnSuccessFilter} finds it among the request's properties.
 *
 * <p>Internal: not part of the public API.
 */
final class RequestScope implements RequestEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestScope.class);
    /** The request property under which the scope is kept. */
    static final String PROPERTY = RequestScope.class.getName();

    private final RequestContextListener owner;
    private final ContextSessions context;
    private final ContextBinding binding;
    private boolean commitOnSuccess;
    // the engines a unit of work commits on success (dropwizard-hibernate's @UnitOfWork), or null
    private Set<String> unitsToCommit;
    private boolean settled;

    RequestScope(RequestContextListener owner, ContextSessions context, ContextBinding binding) {
        this.owner = owner;
        this.context = context;
        this.binding = binding;
    }

    @Override
    public void onEvent(RequestEvent event) {
        switch (event.getType()) {
            case REQUEST_MATCHED:
                RequestPolicy policy = owner.policy(event.getUriInfo().getMatchedResourceMethod());
                if (owner.warnsOnUncommittedChanges() && !policy.readOnly()) {
                    context.route(policy.route() != null ? policy.route() : Routes.of(event));
                }
                commitOnSuccess = policy.commitOnSuccess();
                if (policy.readOnly()) {
                    context.readOnly(true);
                }
                if (!policy.units().isEmpty()) {
                    context.unitsOfWork(policy.units());
                    unitsToCommit = policy.committedUnits();
                }
                break;
            case RESOURCE_METHOD_FINISHED:
                // The thread goes back to Jetty (at once, for async resources): leave it clean.
                binding.unbind(context);
                break;
            case ON_EXCEPTION:
                // a failed request's rollback is expected: no warning about its uncommitted changes
                context.route(null);
                WrongEngine.explain(event.getException(), owner.bindings()).ifPresent(LOG::warn);
                if ((commitOnSuccess || unitsToCommit != null) && !settled) {
                    settled = true;
                    context.rollbackAll();
                }
                break;
            case FINISHED:
                binding.unbind(context);
                context.close();
                break;
            default:
                break;
        }
    }

    /**
     * Commits every session of a {@code @CommitOnSuccess} request whose method (or stage)
     * completed normally, or the sessions its units of work commit; does nothing for other
     * requests, or a second time.
     */
    void commitIfRequested() {
        if (commitOnSuccess && !settled) {
            settled = true;
            context.commitAll();
        } else if (unitsToCommit != null && !settled) {
            settled = true;
            context.commitAll(unitsToCommit);
        }
    }
}
