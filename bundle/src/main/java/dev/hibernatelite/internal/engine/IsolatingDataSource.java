package dev.hibernatelite.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.internal.message.Messages;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import java.util.logging.Logger;

/**
 * What Hibernate gets connections from: the engine's pool, or, during test isolation, one
 * connection held in an outer transaction for the whole isolation. Each borrower then gets a
 * view of that connection that works inside a savepoint: its commit releases the savepoint (and
 * starts a new one), its rollback and its close return to it. Closing the isolation rolls the
 * outer transaction back, undoing every commit made meanwhile. Borrowers take turns: a view is
 * handed out when the previous one was closed, or to the thread holding it.
 *
 * <p>Internal: not part of the public API.
 */
public final class IsolatingDataSource implements DataSource {
    private final HikariDataSource pool;
    private final String engine;
    private final EngineAvailability availability;
    private volatile Isolation isolation;

    IsolatingDataSource(HikariDataSource pool, String engine, EngineAvailability availability) {
        this.pool = pool;
        this.engine = engine;
        this.availability = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Isolation current = isolation;
        return current == null ? availability.borrow(pool) : current.borrow();
    }

    /**
     * A connection for a read-only session: from the engine's read pools, or, during a test
     * isolation, a view of the isolation's connection (so reads see what the test wrote).
     *
     * @param reads the engine's read pools
     * @param primaryOnly whether only the primary will do
     * @return the connection (from the read pools with its place in their gate); the caller closes it
     * @throws SQLException if none could be had
     */
    ReadConnection readConnection(ReadPools reads, boolean primaryOnly) throws SQLException {
        Isolation current = isolation;
        return current == null ? reads.open(primaryOnly) : new ReadConnection(current.borrow(), null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("engines take their credentials from the configuration");
    }

    /**
     * Starts isolating: borrows one connection from the pool and keeps it in a transaction.
     *
     * @throws SQLException if no connection can be had
     * @throws IllegalStateException if the engine is already isolated
     */
    public synchronized void isolate() throws SQLException {
        if (isolation != null) {
            throw new IllegalStateException(Messages.alreadyIsolated(engine));
        }
        Connection physical = pool.getConnection();
        if (physical.getAutoCommit()) {
            physical.setAutoCommit(false);
        }
        isolation = new Isolation(physical, pool.getConnectionTimeout());
    }

    /** @return whether a test isolation holds the engine's connection now */
    public boolean isIsolated() {
        return isolation != null;
    }

    /**
     * Ends isolating: rolls back everything done since {@link #isolate()} and returns the
     * connection to the pool.
     *
     * @throws SQLException if the rollback fails (the connection is returned anyway)
     */
    public synchronized void endIsolation() throws SQLException {
        Isolation current = isolation;
        isolation = null;
        if (current != null) {
            current.end();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    /** The held connection, and whose turn it is. */
    private final class Isolation {
        private final Connection physical;
        private final long waitMillis;
        private Thread holder;
        private int holds;
        private int savepoints;
        private volatile boolean ended;

        Isolation(Connection physical, long waitMillis) {
            this.physical = physical;
            this.waitMillis = waitMillis;
        }

        synchronized Connection borrow() throws SQLException {
            long deadline = System.currentTimeMillis() + waitMillis;
            while (holder != null && holder != Thread.currentThread()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SQLTransientConnectionException(Messages.isolatedConnectionBusy(engine, waitMillis));
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("interrupted while waiting for the isolated connection", e);
                }
            }
            Savepoint savepoint = physical.setSavepoint(nextName());
            holder = Thread.currentThread();
            holds++;
            return view(savepoint);
        }

        synchronized String nextName() {
            return "hibernate_lite_" + (++savepoints);
        }

        synchronized void release() {
            holds--;
            if (holds <= 0) {
                holds = 0;
                holder = null;
                notifyAll();
            }
        }

        boolean ended() {
            return ended;
        }

        void end() throws SQLException {
            ended = true;
            try {
                physical.rollback();
            } finally {
                physical.close();
            }
        }

        private Connection view(Savepoint first) {
            SavepointConnection handler = new SavepointConnection(this, physical, first);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }
    }

    /** A borrower's view of the held connection, inside its own savepoint. */
    private static final class SavepointConnection implements java.lang.reflect.InvocationHandler {
        private final Isolation isolation;
        private final Connection physical;
        private Savepoint savepoint;
        private boolean autoCommit;
        private boolean closed;

        SavepointConnection(Isolation isolation, Connection physical, Savepoint savepoint) {
            this.isolation = isolation;
            this.physical = physical;
            this.savepoint = savepoint;
        }

        @Override
        public synchronized Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        if (isolation.ended()) {
                            return null;
                        }
                        try {
                            physical.rollback(savepoint);
                            physical.releaseSavepoint(savepoint);
                        } finally {
                            isolation.release();
                        }
                    }
                    return null;
                case "isClosed":
                    return closed;
                case "commit":
                    open();
                    physical.releaseSavepoint(savepoint);
                    savepoint = physical.setSavepoint(isolation.nextName());
                    return null;
                case "rollback":
                    if ((args == null || args.length == 0) && isolation.ended() && !closed) {
                        // the isolation's end rolled everything back already: what a context
                        // closed after its test isolation asks for has happened
                        return null;
                    }
                    open();
                    if (args == null || args.length == 0) {
                        physical.rollback(savepoint);
                        return null;
                    }
                    break;
                case "getAutoCommit":
                    return autoCommit;
                case "setAutoCommit":
                    open();
                    boolean on = (Boolean) args[0];
                    if (on && !autoCommit) {
                        // JDBC: switching auto-commit on commits
                        physical.releaseSavepoint(savepoint);
                        savepoint = physical.setSavepoint(isolation.nextName());
                    }
                    autoCommit = on;
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "isolated view of " + physical + (closed ? " (closed)" : "");
                default:
                    open();
                    break;
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void open() throws SQLException {
            if (isolation.ended()) {
                throw new SQLException("the test isolation this connection belonged to has ended");
            }
            if (closed) {
                throw new SQLException("this connection was closed (returned to the test isolation)");
            }
        }
    }
}
