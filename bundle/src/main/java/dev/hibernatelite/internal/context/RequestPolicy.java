package dev.hibernatelite.internal.context;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.internal.message.ReadMessages;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.lang.reflect.Method;

/**
 * What a resource method's annotations ask of its request's context.
 *
 * <p>Internal: not part of the public API.
 *
 * @param commitOnSuccess commit every session when the method succeeds ({@code @CommitOnSuccess})
 * @param readOnly open read-only sessions ({@code @ReadOnly})
 */
record RequestPolicy(boolean commitOnSuccess, boolean readOnly) {
    /** Neither: sessions are transactional, nothing is committed unless the code says so. */
    static final RequestPolicy PLAIN = new RequestPolicy(false, false);

    /**
     * @param method the matched resource method, or null
     * @return what its annotations (or its class's) ask
     * @throws IllegalStateException if they ask for both read-only and commit-on-success (HL241)
     */
    static RequestPolicy of(ResourceMethod method) {
        if (method == null) {
            return PLAIN;
        }
        Invocable invocable = method.getInvocable();
        boolean commit = annotated(invocable.getHandlingMethod(), CommitOnSuccess.class)
                || annotated(invocable.getDefinitionMethod(), CommitOnSuccess.class);
        boolean readOnly = annotated(invocable.getHandlingMethod(), ReadOnly.class)
                || annotated(invocable.getDefinitionMethod(), ReadOnly.class);
        if (commit && readOnly) {
            Method handling = invocable.getHandlingMethod();
            throw new IllegalStateException(ReadMessages.readOnlyWithCommitOnSuccess(
                    handling.getDeclaringClass().getName() + "." + handling.getName()));
        }
        return commit ? new RequestPolicy(true, false) : readOnly ? new RequestPolicy(false, true) : PLAIN;
    }

    private static boolean annotated(Method method, Class<? extends java.lang.annotation.Annotation> annotation) {
        return method != null && (method.isAnnotationPresent(annotation)
                || method.getDeclaringClass().isAnnotationPresent(annotation));
    }
}
