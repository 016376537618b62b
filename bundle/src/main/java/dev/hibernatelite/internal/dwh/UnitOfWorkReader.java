package dev.hibernatelite.internal.dwh;

import dev.hibernatelite.internal.context.EngineUnit;
import dev.hibernatelite.internal.context.MethodUnits;
import dev.hibernatelite.internal.message.CompatMessages;
import io.dropwizard.hibernate.UnitOfWork;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads dropwizard-hibernate's {@code @UnitOfWork} (repeatable, one per session factory) on a
 * resource method, as dropwizard-hibernate does: on the method Jersey invokes, else on the
 * method the resource declares. Each names an engine: {@code value} is the engine's name, and
 * dropwizard-hibernate's default name, {@code hibernate}, means the engine named
 * {@code hibernate} if there is one, else the {@code default} engine, else the only engine.
 * {@code cacheMode} and {@code flushMode} apply when they differ from the annotation's defaults
 * ({@code NORMAL}, {@code AUTO}), so that an annotation that does not set them leaves the
 * bundle's session options in force.
 *
 * <p>Internal: not part of the public API.
 */
final class UnitOfWorkReader implements MethodUnits {
    private static final String DEFAULT_NAME = "hibernate";
    private static final String DEFAULT_ENGINE = "default";

    private final Set<String> engines;

    UnitOfWorkReader(Set<String> engines) {
        this.engines = Set.copyOf(engines);
    }

    @Override
    public List<EngineUnit> unitsOf(Method handling, Method definition) {
        UnitOfWork[] annotations = handling.getAnnotationsByType(UnitOfWork.class);
        if (annotations.length == 0 && definition != null) {
            annotations = definition.getAnnotationsByType(UnitOfWork.class);
        }
        if (annotations.length == 0) {
            return List.of();
        }
        Map<String, EngineUnit> byEngine = new LinkedHashMap<>();
        for (UnitOfWork unit : annotations) {
            String engine = engineOf(unit.value(), handling);
            byEngine.put(engine, new EngineUnit(engine, unit.readOnly(), unit.transactional(),
                    unit.cacheMode() == CacheMode.NORMAL ? null : unit.cacheMode(),
                    unit.flushMode() == FlushMode.AUTO ? null : unit.flushMode()));
        }
        return new ArrayList<>(byEngine.values());
    }

    private String engineOf(String value, Method method) {
        if (engines.contains(value)) {
            return value;
        }
        if (DEFAULT_NAME.equals(value)) {
            if (engines.contains(DEFAULT_ENGINE)) {
                return DEFAULT_ENGINE;
            }
            if (engines.size() == 1) {
                return engines.iterator().next();
            }
        }
        throw new IllegalStateException(CompatMessages.unitOfWorkUnknownEngine(
                method.getDeclaringClass().getName() + "." + method.getName(), value, engines));
    }
}
