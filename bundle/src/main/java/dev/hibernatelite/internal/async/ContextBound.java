package dev.hibernatelite.internal.async;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.ReadMessages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import org.hibernate.reactive.mutiny.Mutiny;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes a reactive session safe to call from any thread, one operation at a time. A Hibernate
 * Reactive session may only run on the event-loop thread that opened it (HR000069), yet a
 * request's work often resumes elsewhere: on Jersey's thread, or on the thread that completed
 * some other future. The proxy runs every operation of the session, and of the queries it
 * creates, on the session's own Vert.x context, and delivers the result there.
 *
 * <p>Internal: not part of the public API.
 */
final class ContextBound implements InvocationHandler {
    private final Object target;
    private final Context context;
    private final Thread home;
    private final String engine;
    private final Object readOnlyContext;
    private final Executor onContext;

    private ContextBound(Object target, Context context, Thread home, String engine, Object readOnlyContext) {
        this.target = target;
        this.context = context;
        this.home = home;
        this.engine = engine;
        this.readOnlyContext = readOnlyContext;
        this.onContext = task -> {
            if (Thread.currentThread() == home) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }

    /**
     * @param session a session opened on {@code context}
     * @param context the Vert.x context it was opened on
     * @param home the event-loop thread of that context
     * @param engine the async engine's name, for messages
     * @return the session, bound to its context
     */
    static Mutiny.Session bind(Mutiny.Session session, Context context, Thread home, String engine,
                               Object readOnlyContext) {
        return (Mutiny.Session) wrap(session, Mutiny.Session.class, context, home, engine, readOnlyContext);
    }

    private static Object wrap(Object target, Class<?> type, Context context, Thread home, String engine,
                               Object readOnlyContext) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ContextBound(target, context, home, engine, readOnlyContext));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals") ? proxy == args[0] : invokeTarget(method, args);
        }
        Class<?> returns = method.getReturnType();
        if (readOnlyContext != null && method.getName().equals("withTransaction")) {
            // a read-only session has nothing to commit, as db.commit() says of a sync one
            return Uni.createFrom().failure(new IllegalStateException(ReadMessages.commitInReadOnlyContext(
                    "withTransaction", engine, String.valueOf(readOnlyContext))));
        }
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                args[i] = resumingOnContext(args[i]);
            }
        }
        if (Uni.class.isAssignableFrom(returns)) {
            return Uni.createFrom().deferred(() -> (Uni<?>) invokeUnchecked(method, args))
                    .runSubscriptionOn(onContext)
                    .onFailure(ContextBound::looksLikeConcurrentUse)
                    .transform(e -> new IllegalStateException(Messages.asyncSessionInUse(engine), e))
                    .emitOn(onContext);
        }
        Object result = Thread.currentThread() == home ? invokeTarget(method, args) : invokeAtHome(method, args);
        if (result == target) {
            return proxy;
        }
        if (result != null && returns.isInterface() && returns.getEnclosingClass() == Mutiny.class) {
            // a query (or other handle) whose operations must also run on the session's context
            return wrap(result, returns, context, home, engine, readOnlyContext);
        }
        return result;
    }

    /**
     * Work handed to the session ({@code withTransaction(tx -> ...)}) may end on a foreign thread
     * (it waited for some other future); what the session does next (commit, rollback) must not:
     * the work's result is delivered back on the session's context.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object resumingOnContext(Object argument) {
        if (argument instanceof Function) {
            Function function = (Function) argument;
            return (Function) value -> onContext(function.apply(value));
        }
        if (argument instanceof BiFunction) {
            BiFunction function = (BiFunction) argument;
            return (BiFunction) (first, second) -> onContext(function.apply(first, second));
        }
        return argument;
    }

    private Object onContext(Object result) {
        return result instanceof Uni ? ((Uni<?>) result).emitOn(onContext) : result;
    }

    /**
     * A call that returns no {@code Uni} (creating a query) does its work at once: off the
     * session's thread it is run there, the caller waiting (it does no I/O).
     */
    private Object invokeAtHome(Method method, Object[] args) throws Throwable {
        CompletableFuture<Object> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                result.complete(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                result.completeExceptionally(e.getCause());
            } catch (IllegalAccessException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** Two operations interleaved on one session corrupt Hibernate's result-processing stack. */
    private static boolean looksLikeConcurrentUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Illegal pop()")) {
                return true;
            }
        }
        return false;
    }

    private Object invokeTarget(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object invokeUnchecked(Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ContextBound{" + target + " on " + context + "}";
    }
}
