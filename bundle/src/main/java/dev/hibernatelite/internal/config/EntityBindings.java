package dev.hibernatelite.internal.config;

import dev.hibernatelite.internal.message.Messages;
import jakarta.persistence.Entity;
import org.glassfish.jersey.server.internal.scanning.AnnotationAcceptingListener;
import org.glassfish.jersey.server.internal.scanning.PackageNamesScanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which engine each entity belongs to, as the bundle's builder declared it. Immutable once
 * built; the builder checks that each class is an entity bound once, and the engines are
 * checked against the configuration at startup.
 *
 * <p>Internal: not part of the public API.
 */
public final class EntityBindings {
    private final Map<Class<?>, String> engineOf;

    private EntityBindings(Map<Class<?>, String> engineOf) {
        this.engineOf = Collections.unmodifiableMap(new LinkedHashMap<>(engineOf));
    }

    /** @return the entity classes of the given engine, in binding order (empty if none) */
    public List<Class<?>> entitiesOf(String engine) {
        List<Class<?>> result = new ArrayList<>();
        engineOf.forEach((type, name) -> {
            if (name.equals(engine)) {
                result.add(type);
            }
        });
        return Collections.unmodifiableList(result);
    }

    /** @return every entity and its engine, in binding order */
    public Map<Class<?>, String> all() {
        return engineOf;
    }

    /**
     * @param configured the engine names in the configuration (sync and async)
     * @param root the YAML path of the engines map(s), for the message
     * @param problems where a binding to an unknown engine is reported
     */
    public void checkAgainst(Set<String> configured, String root, List<String> problems) {
        engineOf.forEach((type, engine) -> {
            if (!configured.contains(engine)) {
                problems.add(Messages.entityOnUnknownEngine(type.getName(), engine, root, configured));
            }
        });
    }

    /** Collects bindings; rejects non-entities and classes bound twice as soon as they are added. */
    public static final class Builder {
        private final Map<Class<?>, String> engineOf = new LinkedHashMap<>();

        /**
         * @param engine the engine name
         * @param types entity classes
         * @throws IllegalArgumentException if a class is not an entity or is already bound
         */
        public void bind(String engine, Class<?>... types) {
            for (Class<?> type : types) {
                if (!type.isAnnotationPresent(Entity.class)) {
                    throw new IllegalArgumentException(Messages.notAnEntity(type.getName()));
                }
                String previous = engineOf.putIfAbsent(type, engine);
                if (previous != null) {
                    throw new IllegalArgumentException(Messages.entityBoundTwice(type.getName(), previous, engine));
                }
            }
        }

        /**
         * Binds every {@code @Entity} class found in a package and its subpackages.
         *
         * @param engine the engine name
         * @param packageName the package to scan
         * @throws IllegalArgumentException if the package holds no entity, or one is already bound
         */
        public void bindPackage(String engine, String packageName) {
            List<Class<?>> found = scan(packageName);
            if (found.isEmpty()) {
                throw new IllegalArgumentException(Messages.noEntitiesInPackage(packageName, engine));
            }
            bind(engine, found.toArray(new Class<?>[0]));
        }

        /** @return the bindings */
        public EntityBindings build() {
            return new EntityBindings(engineOf);
        }

        private static List<Class<?>> scan(String packageName) {
            AnnotationAcceptingListener listener = new AnnotationAcceptingListener(Entity.class);
            try (PackageNamesScanner scanner = new PackageNamesScanner(new String[] {packageName}, true)) {
                while (scanner.hasNext()) {
                    String next = scanner.next();
                    if (listener.accept(next)) {
                        try (InputStream in = scanner.open()) {
                            listener.process(next, in);
                        } catch (IOException e) {
                            throw new UncheckedIOException("could not read " + next + " while scanning package "
                                    + packageName + " for entities", e);
                        }
                    }
                }
            }
            List<Class<?>> found = new ArrayList<>(listener.getAnnotatedClasses());
            found.sort(Comparator.comparing(Class::getName));
            return found;
        }
    }
}
