package dev.hibernatelite.internal.context;

/**
 * Which context is current on each thread. Contexts nest: binding one remembers the one it
 * hides, unbinding restores it. A context closed elsewhere is skipped, so a thread never sees
 * a dead context as current.
 *
 * <p>Internal: not part of the public API.
 */
public final class ContextBinding {
    private final ThreadLocal<ContextSessions> current = new ThreadLocal<>();
    private volatile ContextSessions shared;

    /** @return the open context bound to this thread, else the shared one, or null */
    public ContextSessions current() {
        ContextSessions bound = current.get();
        if (bound == null) {
            ContextSessions fallback = shared;
            return fallback != null && fallback.isOpen() ? fallback : null;
        }
        if (bound.isOpen()) {
            return bound;
        }
        ContextSessions open = bound.previous();
        while (open != null && !open.isOpen()) {
            open = open.previous();
        }
        set(open);
        return open;
    }

    /**
     * Makes a context current on every thread that has none of its own: for {@code db shell},
     * whose snippets each run on a thread of their own.
     *
     * @param context the context, or null to stop sharing
     */
    public void share(ContextSessions context) {
        this.shared = context;
    }

    /**
     * Makes a context current on this thread, hiding the one that was.
     *
     * @param context the context
     */
    public void bind(ContextSessions context) {
        context.setPrevious(current.get());
        current.set(context);
    }

    /**
     * Restores what {@link #bind} hid, if {@code context} is the one current on this thread.
     *
     * @param context the context to unbind
     */
    public void unbind(ContextSessions context) {
        if (current.get() == context) {
            set(context.previous());
            context.setPrevious(null);
        }
    }

    private void set(ContextSessions context) {
        // set(null), not remove(): a pooled request thread keeps its entry for its next request
        current.set(context);
    }
}
