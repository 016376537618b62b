package dev.hibernatelite.internal.context;

import dev.hibernatelite.internal.config.EntityBindings;
import dev.hibernatelite.internal.message.ServiceMessages;
import dev.hibernatelite.internal.message.Suggestions;
import org.hibernate.UnknownEntityTypeException;
import org.hibernate.query.sqm.UnknownEntityException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains Hibernate's bare "unknown entity" failures: an entity asked of a session of an
 * engine it is not bound to (each engine's session factory maps only its own entities), or a
 * name no engine maps (a typo).
 *
 * <p>Internal: not part of the public API.
 */
public final class WrongEngine {
    private static final Pattern PERSISTER = Pattern.compile("Unable to locate (?:persister|entity descriptor): (\\S+)");
    private static final Pattern ROOT = Pattern.compile("Could not resolve root entity '([^']+)'");

    private WrongEngine() {
    }

    /**
     * @param failure what a session threw
     * @param bindings which engine each entity is bound to
     * @return the explanation (HL231), if the failure is Hibernate's unknown entity
     */
    public static Optional<String> explain(Throwable failure, EntityBindings bindings) {
        return explainName(unknownEntity(failure), bindings);
    }

    /**
     * @param text a line that reports a failure (JShell's {@code Exception ...: message})
     * @param bindings which engine each entity is bound to
     * @return the explanation (HL231), if the line reports Hibernate's unknown entity
     */
    public static Optional<String> explainText(String text, EntityBindings bindings) {
        Matcher m = PERSISTER.matcher(text);
        if (m.find()) {
            return explainName(m.group(1), bindings);
        }
        Matcher root = ROOT.matcher(text);
        return root.find() ? explainName(root.group(1), bindings) : Optional.empty();
    }

    private static Optional<String> explainName(String name, EntityBindings bindings) {
        if (name == null) {
            return Optional.empty();
        }
        Map<String, String> engineBySimpleName = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, String> binding : bindings.all().entrySet()) {
            Class<?> type = binding.getKey();
            if (type.getName().equals(name) || type.getSimpleName().equals(name)) {
                return Optional.of(ServiceMessages.entityOfAnotherEngine(type.getSimpleName(), binding.getValue()));
            }
            engineBySimpleName.put(type.getSimpleName(), binding.getValue());
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return Optional.of(ServiceMessages.entityOfNoEngine(simple, Suggestions.closest(simple, engineBySimpleName.keySet())
                .map(candidate -> " Did you mean '" + candidate + "' (engine '" + engineBySimpleName.get(candidate) + "')?")
                .orElse("")));
    }

    private static String unknownEntity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownEntityException unknown && unknown.getEntityName() != null) {
                return unknown.getEntityName();
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof UnknownEntityTypeException || t instanceof IllegalArgumentException) {
                Matcher m = PERSISTER.matcher(message);
                // "Unable to locate entity descriptor: x.y.Tag" (find), "persister" (older paths)
                if (m.find()) {
                    return m.group(1);
                }
            }
            Matcher root = ROOT.matcher(message);
            if (root.find()) {
                return root.group(1);
            }
        }
        return null;
    }
}
