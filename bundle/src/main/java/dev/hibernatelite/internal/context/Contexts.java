package dev.hibernatelite.internal.context;

import dev.hibernatelite.AsyncSessions;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.internal.engine.SyncEngines;

import java.util.function.Function;

/**
 * Makes the contexts of one run of the application (requests, {@code db.context()} blocks, the
 * shell's) and finds the current one.
 *
 * <p>Internal: not part of the public API.
 */
public final class Contexts {
    private final SyncEngines engines;
    private final ContextBinding binding;
    private final Function<SessionContext, AsyncSessions> asyncView;
    private final SessionSetup setup;

    /**
     * @param engines the started engines
     * @param binding the per-thread binding that {@code db.session()} reads
     * @param asyncView makes the async view of a context
     * @param setup opens and sets up the contexts' sessions
     */
    public Contexts(SyncEngines engines, ContextBinding binding, Function<SessionContext, AsyncSessions> asyncView,
                    SessionSetup setup) {
        this.engines = engines;
        this.binding = binding;
        this.asyncView = asyncView;
        this.setup = setup;
    }

    /** @return the engines the contexts open sessions of */
    public SyncEngines engines() {
        return engines;
    }

    /**
     * Opens a context and makes it current on this thread until it closes: {@code db.context()}.
     *
     * @return the context
     */
    public ContextSessions open() {
        ContextSessions context = new ContextSessions(engines,
                "context opened on thread '" + Thread.currentThread().getName() + "'", binding, null, asyncView, setup);
        binding.bind(context);
        return context;
    }

    /**
     * Opens a read-only context and makes it current on this thread until it closes:
     * {@code db.readOnlyContext()}.
     *
     * @return the context, whose sessions are read-only
     */
    public ContextSessions openReadOnly() {
        ContextSessions context = new ContextSessions(engines,
                "read-only context opened on thread '" + Thread.currentThread().getName() + "'", binding, null, asyncView, setup);
        context.readOnly(true);
        binding.bind(context);
        return context;
    }

    /**
     * Opens a context current on every thread that has none of its own, until it closes: the
     * shell's, whose snippets each run on a thread of their own.
     *
     * @param description what the context is, for messages
     * @param defaultEngine the engine calls without a name use
     * @return the context
     */
    public ContextSessions openShared(String description, String defaultEngine) {
        ContextSessions context = new ContextSessions(engines, description, null, defaultEngine, asyncView, setup);
        binding.share(context);
        return context;
    }

    /**
     * @param description what the request is, for messages
     * @return a request's context, bound to this thread; the request unbinds it
     */
    ContextSessions openForRequest(Object description) {
        ContextSessions context = new ContextSessions(engines, description, null, null, asyncView, setup);
        binding.bind(context);
        return context;
    }

    /** @return the binding */
    ContextBinding binding() {
        return binding;
    }
}
