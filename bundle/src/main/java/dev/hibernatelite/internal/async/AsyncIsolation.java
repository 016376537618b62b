package dev.hibernatelite.internal.async;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test isolation for an async engine: one Vert.x connection held in an outer transaction for
 * the whole isolation. Sessions take turns on it; each gets a view whose transactions are
 * savepoints ({@code begin} sets one, {@code commit} releases it, {@code rollback} returns to
 * it) and whose {@code close} gives the connection to the next session. Ending the isolation
 * rolls the outer transaction back.
 *
 * <p>Internal: not part of the public API.
 */
final class AsyncIsolation {
    private final SqlConnection physical;
    private final Transaction outer;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean ended;
    private int savepoints;

    private AsyncIsolation(SqlConnection physical, Transaction outer) {
        this.physical = physical;
        this.outer = outer;
    }

    /**
     * @param pool the engine's Vert.x pool
     * @return the isolation, once its connection is held in a transaction
     */
    static Future<AsyncIsolation> start(Pool pool) {
        return pool.getConnection().compose(connection -> connection.begin()
                .map(tx -> new AsyncIsolation(connection, tx))
                .onFailure(e -> connection.close()));
    }

    /** @return a view of the held connection, when it is this caller's turn */
    synchronized Future<SqlConnection> borrow() {
        Context caller = Vertx.currentContext();
        if (ended) {
            return Future.failedFuture(new IllegalStateException("the test isolation has ended"));
        }
        if (!busy) {
            busy = true;
            return Future.succeededFuture(view(caller));
        }
        Promise<SqlConnection> turn = Promise.promise();
        waiting.add(new Waiting(turn, caller));
        return onContext(turn.future(), caller);
    }

    private synchronized void release() {
        Waiting next = waiting.poll();
        if (next != null && !ended) {
            next.turn().complete(view(next.context()));
        } else {
            busy = false;
        }
    }

    /** A session waiting for its turn, and the Vert.x context it waits on. */
    private record Waiting(Promise<SqlConnection> turn, Context context) {
    }

    /**
     * The held connection answers on the context it was opened on; a session must get its
     * answers on its own (Hibernate Reactive checks the thread): hand them over.
     */
    private static <T> Future<T> onContext(Future<T> future, Context context) {
        if (context == null) {
            return future;
        }
        Promise<T> delivered = Promise.promise();
        future.onComplete(result -> context.runOnContext(ignored -> delivered.handle(result)));
        return delivered.future();
    }

    private synchronized String nextSavepoint() {
        return "hibernate_lite_" + (++savepoints);
    }

    /** @return when the outer transaction was rolled back and the connection returned */
    Future<Void> end() {
        synchronized (this) {
            ended = true;
            waiting.forEach(w -> w.turn().fail("the test isolation has ended"));
            waiting.clear();
        }
        return outer.rollback().eventually(() -> physical.close());
    }

    private SqlConnection view(Context caller) {
        return (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
                new Class<?>[] {SqlConnection.class}, new View(caller));
    }

    /** One session's view of the held connection: answers come on the session's context. */
    private final class View implements InvocationHandler {
        private final Context caller;
        private String savepoint;
        private boolean closed;

        View(Context caller) {
            this.caller = caller;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "begin":
                    if (method.getParameterCount() == 0) {
                        return begin();
                    }
                    throw new UnsupportedOperationException("begin(Handler) is not used by Hibernate Reactive");
                case "close":
                    if (method.getParameterCount() == 0) {
                        return close();
                    }
                    throw new UnsupportedOperationException("close(Handler) is not used by Hibernate Reactive");
                case "exceptionHandler":
                case "closeHandler":
                    return proxy;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "isolated view of " + physical;
                default:
                    return forward(physical, method, args);
            }
        }

        /** Calls the held connection (or a query it made), handing answers to the session's context. */
        private Object forward(Object target, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Future) {
                return onContext((Future<?>) result, caller);
            }
            Class<?> type = method.getReturnType();
            if (result != null && type.isInterface() && type.getPackageName().equals("io.vertx.sqlclient")
                    && !type.equals(SqlConnection.class)) {
                Object inner = result;
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                        (proxy, m, a) -> m.getDeclaringClass() == Object.class ? m.invoke(inner, a) : forward(inner, m, a));
            }
            return result;
        }

        private synchronized Future<Transaction> begin() {
            String name = nextSavepoint();
            return onContext(physical.query("SAVEPOINT " + name).execute().map(rows -> {
                synchronized (this) {
                    savepoint = name;
                }
                return (Transaction) new SavepointTransaction(name);
            }), caller);
        }

        private Future<Void> close() {
            String open;
            synchronized (this) {
                if (closed) {
                    return Future.succeededFuture();
                }
                closed = true;
                open = savepoint;
                savepoint = null;
            }
            Future<Void> undone = open == null || ended ? Future.succeededFuture()
                    : physical.query("ROLLBACK TO SAVEPOINT " + open).execute().mapEmpty();
            return onContext(undone.eventually(() -> {
                release();
                return Future.succeededFuture();
            }), caller);
        }

        /** A transaction that is a savepoint of the outer one. */
        private final class SavepointTransaction implements Transaction {
            private final String name;
            private final Promise<Void> completion = Promise.promise();

            SavepointTransaction(String name) {
                this.name = name;
            }

            private Future<Void> end(String sql) {
                synchronized (View.this) {
                    savepoint = null;
                }
                Future<Void> done = onContext(physical.query(sql).execute().mapEmpty(), caller);
                done.onComplete(completion);
                return done;
            }

            @Override
            public Future<Void> commit() {
                return end("RELEASE SAVEPOINT " + name);
            }

            @Override
            public void commit(io.vertx.core.Handler<io.vertx.core.AsyncResult<Void>> handler) {
                commit().onComplete(handler);
            }

            @Override
            public Future<Void> rollback() {
                return end("ROLLBACK TO SAVEPOINT " + name);
            }

            @Override
            public void rollback(io.vertx.core.Handler<io.vertx.core.AsyncResult<Void>> handler) {
                rollback().onComplete(handler);
            }

            @Override
            public void completion(io.vertx.core.Handler<io.vertx.core.AsyncResult<Void>> handler) {
                completion.future().onComplete(handler);
            }

            @Override
            public Future<Void> completion() {
                return completion.future();
            }
        }
    }
}
