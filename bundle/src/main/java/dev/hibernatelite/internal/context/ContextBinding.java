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

    /** @return the open context bound to this thread, or null */
    public ContextSessions current() {
        ContextSessions bound = current.get();
        if (bound == null || bound.isOpen()) {
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
        if (context == null) {
            current.remove();
        } else {
            current.set(context);
        }
    }
}
