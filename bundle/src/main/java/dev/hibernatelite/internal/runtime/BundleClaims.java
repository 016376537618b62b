package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.internal.message.CompatMessages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What the bundles of one application claim: their command names (per {@code Bootstrap}) and
 * their engine names (per {@code Environment}). A bundle added twice, or two bundles claiming
 * the same name, stop startup with a message naming both, instead of a metric-name collision
 * halfway through.
 *
 * <p>Internal: not part of the public API.
 */
final class BundleClaims {
    private static final Map<Object, List<Claim>> CLAIMS = new WeakHashMap<>();

    private BundleClaims() {
    }

    private record Claim(Object bundle, String description, Set<String> names) {
    }

    /**
     * @param application the application's bootstrap or environment (identity is what counts)
     * @param bundle the claiming bundle
     * @param description the bundle, for messages
     * @param names the names it claims
     * @param commands whether the names are command names (else engine names)
     * @throws IllegalStateException if the bundle already claimed in this application (HL162), or
     *         another bundle claimed one of the names (HL163, HL164)
     */
    static synchronized void claim(Object application, Object bundle, String description, Set<String> names,
                                   boolean commands) {
        List<Claim> claims = CLAIMS.computeIfAbsent(application, k -> new ArrayList<>());
        for (Claim claim : claims) {
            if (claim.bundle() == bundle) {
                throw new IllegalStateException(CompatMessages.bundleAddedTwice(description));
            }
            Set<String> shared = new LinkedHashSet<>(claim.names());
            shared.retainAll(names);
            if (!shared.isEmpty()) {
                String first = claim.description() + " (added first)";
                throw new IllegalStateException(commands
                        ? CompatMessages.commandNameClaimedTwice(first, description, shared.iterator().next())
                        : CompatMessages.engineNamesClaimedTwice(first, description, shared));
            }
        }
        claims.add(new Claim(bundle, description, Set.copyOf(names)));
    }
}
