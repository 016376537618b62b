package dev.hibernatelite.internal.engine;

import org.hibernate.SessionFactory;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * On PostgreSQL, which cannot store a NUL character in text (SQLState 22021), refuses an entity
 * whose string property holds one before its INSERT or UPDATE is sent: the answer names the
 * property exactly (the database's error names no column) and costs no round trip. The
 * database's refusal stays the guarantee for everything else (query parameters included).
 *
 * <p>Internal: not part of the public API.
 */
public final class NulCharacterCheck implements PreInsertEventListener, PreUpdateEventListener {
    private static final NulCharacterCheck INSTANCE = new NulCharacterCheck();

    private NulCharacterCheck() {
    }

    /**
     * Registers the check on a PostgreSQL engine's factory; does nothing on other databases.
     *
     * @param factory the engine's session factory (sync, or an async engine's ORM factory)
     */
    public static void registerOn(SessionFactory factory) {
        SessionFactoryImplementor implementor = factory.unwrap(SessionFactoryImplementor.class);
        if (!(implementor.getJdbcServices().getDialect() instanceof PostgreSQLDialect)) {
            return;
        }
        EventListenerRegistry listeners = implementor.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.PRE_INSERT, INSTANCE);
        listeners.appendListeners(EventType.PRE_UPDATE, INSTANCE);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    private static void check(EntityPersister persister, Object[] state) {
        if (state == null) {
            return;
        }
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < state.length && i < names.length; i++) {
            if (state[i] instanceof String s && s.indexOf('\0') >= 0) {
                throw new NulCharacterRefusedException(persister.getMappedClass().getSimpleName(), names[i]);
            }
        }
    }
}
