package dev.hibernatelite.internal.async;

import dev.hibernatelite.internal.message.Messages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The async sessions of one context: at most one per async engine, opened on first
 * subscription, each on a Vert.x event-loop context of its own, because a reactive session may
 * only be used on the thread that opened it. Every {@code Uni} handed out emits on that
 * thread, and every operation of the session is run there whichever thread calls it
 * ({@link ContextBound}). Closing the context closes each session on
 * its own thread, whichever thread closes the context, and also closes a session whose opening
 * was still under way.
 *
 * <p>Internal: not part of the public API.
 */
final class OpenedAsyncSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenedAsyncSessions.class);

    private final ReactiveEngines engines;
    private final Object description;
    private final boolean readOnly;
    private final Map<String, Opened> opened = new LinkedHashMap<>(2);
    private boolean closed;

    /** A session being opened or open, and the Vert.x context it belongs to. */
    private record Opened(String engine, Context context, CompletableFuture<Mutiny.Session> session) {
    }

    /**
     * @param engines the application's async engines
     * @param description what the context is, for messages
     */
    OpenedAsyncSessions(ReactiveEngines engines, Object description, boolean readOnly) {
        this.engines = engines;
        this.description = description;
        this.readOnly = readOnly;
    }

    /**
     * @param name the async engine's name
     * @param call the API call, for messages
     * @return the context's session of that engine, opened on first subscription, emitted on its thread
     * @throws IllegalArgumentException if there is no such async engine
     */
    Uni<Mutiny.Session> session(String name, String call) {
        ReactiveEngine engine = engines.get(name);
        return Uni.createFrom().deferred(() -> {
            Opened session;
            synchronized (this) {
                if (closed) {
                    return Uni.createFrom().failure(
                            new IllegalStateException(Messages.contextClosed(call, String.valueOf(description))));
                }
                session = opened.computeIfAbsent(name, n -> open(engine, readOnly, description));
            }
            Context context = session.context();
            return Uni.createFrom().completionStage(session.session())
                    .emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    private static Opened open(ReactiveEngine engine, boolean readOnly, Object description) {
        // Called off the event loop this creates a new event-loop context: the session's home.
        Context context = engine.vertx().getOrCreateContext();
        CompletableFuture<Mutiny.Session> session = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Uni<Mutiny.Session> opening = readOnly
                    ? engine.mutiny().openSession(ObservableSqlClientPool.READ_ONLY).map(open -> open
                            .setDefaultReadOnly(true).setFlushMode(FlushMode.MANUAL))
                    : engine.mutiny().openSession();
            opening.subscribe().with(open -> session.complete(ContextBound.bind(open, context, Thread.currentThread(),
                    engine.name(), readOnly ? description : null)), session::completeExceptionally);
        });
        return new Opened(engine.name(), context, session);
    }

    /** Closes every session, each on its own thread; a session still opening is closed once open. */
    @Override
    public void close() {
        List<Opened> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(opened.values());
            opened.clear();
        }
        for (Opened session : toClose) {
            session.session().whenComplete((open, failure) -> {
                if (open != null) {
                    session.context().runOnContext(ignored -> open.close().subscribe().with(
                            done -> { },
                            error -> LOG.warn("async engine '{}': closing the session of {} failed", session.engine(),
                                    description, error)));
                }
            });
        }
    }
}
