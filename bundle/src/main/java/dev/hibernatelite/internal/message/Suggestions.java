package dev.hibernatelite.internal.message;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for names a user typed: the closest known name, if it is close enough.
 *
 * <p>Internal: not part of the public API.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * @param typed what the user wrote
     * @param known the names that exist
     * @return the known name nearest to {@code typed} (edit distance at most a third of its
     *         length, at least 1), if any
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = typed.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, typed.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * @param typed what the user wrote
     * @param known the names that exist
     * @return {@code " Did you mean 'x'?"} or the empty string
     */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
