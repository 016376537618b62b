package dev.hibernatelite.internal.context;

import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.type.Type;

import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers the entity types a session changed since its transaction began: persisted, removed,
 * or found dirty at a flush (or at the dirty check a request's end runs). A commit or a rollback
 * forgets them. It records names only, at the moments Hibernate already calls interceptors.
 *
 * <p>Internal: not part of the public API.
 */
final class ChangeTracker implements Interceptor {
    private final Set<String> changed = new TreeSet<>();

    /**
     * @param factory the engine's session factory
     * @return whether a tracker can be given to its sessions: not when the application configured
     *         an interceptor of its own (the tracker would replace it)
     */
    static boolean fits(SessionFactory factory) {
        SessionFactoryOptions options = ((SessionFactoryImplementor) factory).getSessionFactoryOptions();
        Interceptor own = options.getInterceptor();
        return (own == null || own.getClass().getSimpleName().equals("EmptyInterceptor"))
                && options.getStatelessInterceptorImplementorSupplier() == null;
    }

    /**
     * @param session a session whose transaction is still active
     * @return the simple names of the entity types it changed and did not commit, sorted; empty
     *         when it has none or was opened without a tracker
     */
    static Set<String> uncommitted(Session session) {
        if (!(session.unwrap(SessionImplementor.class).getInterceptor() instanceof ChangeTracker tracker)) {
            return Set.of();
        }
        synchronized (tracker) {
            if (!tracker.changed.isEmpty()) {
                return Set.copyOf(tracker.changed);
            }
        }
        try {
            // changes not flushed yet: the dirty check calls onFlushDirty for each dirty entity
            session.isDirty();
        } catch (RuntimeException e) {
            // a session that cannot even be dirty-checked is rolled back all the same
            return Set.of();
        }
        synchronized (tracker) {
            return Set.copyOf(tracker.changed);
        }
    }

    private synchronized void record(Object entity) {
        changed.add(entity.getClass().getSimpleName());
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        record(entity);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        record(entity);
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        record(entity);
        return false;
    }

    @Override
    public synchronized void afterTransactionCompletion(Transaction tx) {
        changed.clear();
    }
}
