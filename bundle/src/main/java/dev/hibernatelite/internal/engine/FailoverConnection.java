package dev.hibernatelite.internal.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only session's connection when the engine has replicas. A statement that fails because
 * its server went away (a replica stopped, restarted, was cut off) is prepared again on the next
 * server (another replica, else the primary) with the same parameters and run there: in
 * auto-commit on a read-only connection it had no effect to repeat. The replica that failed
 * leaves the rotation until its monitor sees it answer again.
 *
 * <p>Internal: not part of the public API.
 */
final class FailoverConnection implements InvocationHandler {
    private final ReadPools pools;
    private final boolean primaryOnly;
    private final List<Replica> failed = new ArrayList<>(1);
    private Connection current;
    private ReadPools.Target target;
    private Connection proxy;

    private FailoverConnection(ReadPools pools, boolean primaryOnly) {
        this.pools = pools;
        this.primaryOnly = primaryOnly;
    }

    /**
     * @param pools the engine's read pools
     * @param primaryOnly whether only the primary will do (read your writes)
     * @return a connection from the first server that hands one out
     * @throws SQLException if none does
     */
    static Connection open(ReadPools pools, boolean primaryOnly) throws SQLException {
        if (primaryOnly || pools.replicas().isEmpty()) {
            return pools.connect(pools.next(true, List.of()));
        }
        FailoverConnection handler = new FailoverConnection(pools, false);
        handler.connectNext();
        handler.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        return handler.proxy;
    }

    private void connectNext() throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < pools.targets(); attempt++) {
            ReadPools.Target next = pools.next(primaryOnly, failed);
            try {
                current = pools.connect(next);
                target = next;
                return;
            } catch (SQLException e) {
                if (next.replica() == null) {
                    throw e;
                }
                pools.failed(next.replica(), e);
                failed.add(next.replica());
                last = e;
            }
        }
        throw last;
    }

    /**
     * The statement failed on the current server: move to the next one, if the failure says the
     * server went away and one is left.
     *
     * @param failure what the statement threw
     * @return whether there is a new current connection to run the statement again on
     */
    private boolean failOver(SQLException failure) {
        if (!serverWentAway(failure) || target.replica() == null) {
            return false;
        }
        pools.failed(target.replica(), failure);
        failed.add(target.replica());
        try {
            current.close();
        } catch (SQLException ignored) {
            // the pool evicts a broken connection on its own
        }
        try {
            connectNext();
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    private static boolean serverWentAway(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "createStatement":
            case "prepareStatement":
            case "prepareCall":
                return ReplayedStatement.create(this, method, args);
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "failover connection on " + (target.replica() == null ? "the primary" : target.replica().name());
            default:
                return call(current, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement that remembers how it was made and what was set on it, to run it again elsewhere. */
    private static final class ReplayedStatement implements InvocationHandler {
        private final FailoverConnection connection;
        private final Method create;
        private final Object[] createArgs;
        private final List<Object[]> settings = new ArrayList<>();
        private final List<Method> setters = new ArrayList<>();
        private Statement real;

        private ReplayedStatement(FailoverConnection connection, Method create, Object[] createArgs) throws Throwable {
            this.connection = connection;
            this.create = create;
            this.createArgs = createArgs;
            this.real = (Statement) call(connection.current, create, createArgs);
        }

        static Object create(FailoverConnection connection, Method create, Object[] args) throws Throwable {
            ReplayedStatement handler = new ReplayedStatement(connection, create, args);
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {create.getReturnType()},
                    handler);
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection.proxy;
            }
            if (name.startsWith("set") || name.equals("clearParameters")) {
                setters.add(method);
                settings.add(args);
                return call(real, method, args);
            }
            if (!name.startsWith("execute")) {
                return call(real, method, args);
            }
            while (true) {
                try {
                    return call(real, method, args);
                } catch (SQLException e) {
                    if (!connection.failOver(e)) {
                        throw e;
                    }
                    real = (Statement) call(connection.current, create, createArgs);
                    for (int i = 0; i < setters.size(); i++) {
                        call(real, setters.get(i), settings.get(i));
                    }
                }
            }
        }
    }
}
