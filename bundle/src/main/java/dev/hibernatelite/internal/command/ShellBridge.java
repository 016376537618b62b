package dev.hibernatelite.internal.command;

/**
 * Hands the running bundle to the JShell that {@code db shell} starts in the same JVM: its
 * startup script reads {@link #bundle()} into {@code db}.
 *
 * <p>Internal: not part of the public API.
 */
public final class ShellBridge {
    private static volatile Object bundle;

    private ShellBridge() {
    }

    /**
     * @return the bundle of the running {@code db shell}
     * @throws IllegalStateException outside {@code db shell}
     */
    public static Object bundle() {
        Object current = bundle;
        if (current == null) {
            throw new IllegalStateException("ShellBridge.bundle() is for the startup script of db shell;"
                    + " no db shell is running in this JVM.");
        }
        return current;
    }

    static void set(Object value) {
        bundle = value;
    }
}
