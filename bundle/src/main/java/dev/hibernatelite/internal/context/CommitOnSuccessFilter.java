package dev.hibernatelite.internal.context;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Commits a {@code @CommitOnSuccess} request's sessions before its response is written. It is
 * a response filter, not a request event, because Jersey maps exceptions thrown by filters
 * like those of resource methods: a commit that fails becomes the application's ordinary
 * error response. It runs before every other response filter.
 *
 * <p>Internal: not part of the public API.
 */
@Priority(Integer.MAX_VALUE)
public final class CommitOnSuccessFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object scope = request.getProperty(RequestScope.PROPERTY);
        if (scope instanceof RequestScope) {
            ((RequestScope) scope).commitIfRequested();
        }
    }
}
