package dev.hibernatelite.internal.context;

import dev.hibernatelite.internal.engine.HibernateSettings;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.message.CompatMessages;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.context.internal.ManagedSessionContext;
import org.hibernate.context.spi.CurrentSessionContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code sessionFactory.getCurrentSession()} returns on an engine's session factory (so
 * that dropwizard-hibernate's {@code AbstractDAO} works unchanged): the current context's
 * session of that engine. A session bound with Hibernate's {@link ManagedSessionContext} on this
 * thread comes first, which is what dropwizard-hibernate's {@code UnitOfWorkAwareProxyFactory}
 * does around a method. Hibernate makes one per session factory, through the setting
 * {@code hibernate.current_session_context_class}; the running bundle tells it which engine and
 * which contexts the factory serves.
 *
 * <p>Internal: not part of the public API.
 */
public final class ContextCurrentSession implements CurrentSessionContext {
    private static final long serialVersionUID = 1L;
    private static final Map<SessionFactory, Served> SERVED = new ConcurrentHashMap<>();

    private final transient SessionFactoryImplementor factory;
    private final transient ManagedSessionContext managed;
    private final String engine;

    /** A factory's engine, and the binding that gives its thread's current context. */
    private record Served(String engine, ContextBinding binding) {
    }

    /**
     * Called by Hibernate while it builds a session factory.
     *
     * @param factory the session factory
     */
    public ContextCurrentSession(SessionFactoryImplementor factory) {
        this.factory = factory;
        this.managed = new ManagedSessionContext(factory);
        this.engine = String.valueOf(factory.getServiceRegistry().requireService(ConfigurationService.class)
                .getSettings().get(HibernateSettings.ENGINE_NAME));
    }

    /**
     * Makes the engines' session factories answer {@code getCurrentSession()} from the contexts
     * current on the binding.
     *
     * @param engines the running engines
     * @param binding the per-thread current context
     */
    public static void serve(SyncEngines engines, ContextBinding binding) {
        for (SyncEngine engine : engines.all()) {
            SERVED.put(engine.sessionFactory(), new Served(engine.name(), binding));
        }
    }

    /** @param engines engines that stopped serving contexts */
    public static void stopServing(SyncEngines engines) {
        for (SyncEngine engine : engines.all()) {
            SERVED.remove(engine.sessionFactory());
        }
    }

    /**
     * @return the session bound on this thread by {@code ManagedSessionContext}, else the current
     *         context's session of the factory's engine (opened on first use, with a transaction)
     * @throws HibernateException outside a context (HL160), or when the factory serves no contexts (HL166)
     */
    @Override
    public Session currentSession() {
        if (ManagedSessionContext.hasBind(factory)) {
            return managed.currentSession();
        }
        Served served = SERVED.get(factory);
        if (served == null) {
            throw new HibernateException(CompatMessages.currentSessionNotServed(engine));
        }
        ContextSessions context = served.binding().current();
        if (context == null) {
            throw new HibernateException(CompatMessages.currentSessionOutsideContext(served.engine()));
        }
        return context.session(served.engine());
    }
}
