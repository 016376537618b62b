package dev.hibernatelite.internal.context;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.internal.message.CompatMessages;
import dev.hibernatelite.internal.message.ReadMessages;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a resource method's annotations ask of its request's context.
 *
 * <p>Internal: not part of the public API.
 *
 * @param commitOnSuccess commit every session when the method succeeds ({@code @CommitOnSuccess})
 * @param readOnly open read-only sessions ({@code @ReadOnly})
 * @param units what its units of work ({@code @UnitOfWork}) ask of each engine, by engine name
 * @param committedUnits the engines whose sessions the method's success commits under its units of work
 * @param route the method's route as logs name it ({@code POST /notes (NoteResource.create)}), or null
 *        when no method matched; computed once per method, not per request
 */
record RequestPolicy(boolean commitOnSuccess, boolean readOnly, Map<String, EngineUnit> units,
                     Set<String> committedUnits, String route) {
    /** No method matched: sessions are transactional, nothing is committed unless the code says so. */
    static final RequestPolicy PLAIN = new RequestPolicy(false, false, Map.of(), Set.of(), null);

    /**
     * @param method the matched resource method, or null
     * @param unitsOf reads its units of work
     * @return what its annotations (or its class's) ask
     * @throws IllegalStateException if they ask for both read-only and commit-on-success (HL241), or
     *         mix a unit of work with either (HL165)
     */
    static RequestPolicy of(ResourceMethod method, MethodUnits unitsOf) {
        if (method == null) {
            return PLAIN;
        }
        Invocable invocable = method.getInvocable();
        Method handling = invocable.getHandlingMethod();
        boolean commit = annotated(handling, CommitOnSuccess.class)
                || annotated(invocable.getDefinitionMethod(), CommitOnSuccess.class);
        boolean readOnly = annotated(handling, ReadOnly.class)
                || annotated(invocable.getDefinitionMethod(), ReadOnly.class);
        String name = handling.getDeclaringClass().getName() + "." + handling.getName();
        if (commit && readOnly) {
            throw new IllegalStateException(ReadMessages.readOnlyWithCommitOnSuccess(name));
        }
        List<EngineUnit> units = unitsOf.unitsOf(handling, invocable.getDefinitionMethod());
        if (!units.isEmpty()) {
            if (commit || readOnly) {
                throw new IllegalStateException(CompatMessages.unitOfWorkMixed(name,
                        commit ? "@CommitOnSuccess" : "@ReadOnly"));
            }
            Map<String, EngineUnit> byEngine = new LinkedHashMap<>();
            units.forEach(unit -> byEngine.put(unit.engine(), unit));
            Set<String> committed = byEngine.values().stream().filter(EngineUnit::commits).map(EngineUnit::engine)
                    .collect(Collectors.toUnmodifiableSet());
            return new RequestPolicy(false, false, Map.copyOf(byEngine), committed, Routes.of(method));
        }
        return new RequestPolicy(commit, readOnly, Map.of(), Set.of(), Routes.of(method));
    }

    private static boolean annotated(Method method, Class<? extends java.lang.annotation.Annotation> annotation) {
        return method != null && (method.isAnnotationPresent(annotation)
                || method.getDeclaringClass().isAnnotationPresent(annotation));
    }
}
