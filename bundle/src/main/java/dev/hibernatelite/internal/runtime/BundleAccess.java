package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.HibernateLite;

import java.util.function.Function;

/**
 * How the project's own artifacts (the testing module) reach a bundle's runtime without the
 * bundle having a public method for it: {@link HibernateLite} registers the accessor when its
 * class initialises (the JDK's "shared secrets" pattern).
 *
 * <p>Internal: not part of the public API.
 */
public final class BundleAccess {
    private static volatile Function<HibernateLite<?>, BundleRuntime<?>> accessor;

    private BundleAccess() {
    }

    /**
     * Called once, by {@link HibernateLite}'s static initialiser.
     *
     * @param runtimeOf gives a bundle's runtime
     */
    public static void register(Function<HibernateLite<?>, BundleRuntime<?>> runtimeOf) {
        accessor = runtimeOf;
    }

    /**
     * @param db a bundle
     * @return its runtime
     */
    public static BundleRuntime<?> runtimeOf(HibernateLite<?> db) {
        return accessor.apply(db);
    }
}
