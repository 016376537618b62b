package dev.hibernatelite.internal.context;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Reads the units of work a resource method declares with annotations the context package does
 * not name (dropwizard-hibernate's {@code @UnitOfWork}, an optional dependency).
 *
 * <p>Internal: not part of the public API.
 */
public interface MethodUnits {
    /** No such annotations are on the class path. */
    MethodUnits NONE = (handling, definition) -> List.of();

    /**
     * @param handling the method Jersey invokes
     * @param definition the method as the resource declares it
     * @return the units, at most one per engine; empty when the method declares none
     * @throws IllegalStateException if a unit names no engine of the application
     */
    List<EngineUnit> unitsOf(Method handling, Method definition);
}
