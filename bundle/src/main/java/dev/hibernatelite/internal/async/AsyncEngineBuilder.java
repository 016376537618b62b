package dev.hibernatelite.internal.async;

import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.internal.JdbcUrls;
import dev.hibernatelite.internal.Messages;
import io.vertx.core.Vertx;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.vertx.VertxInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@link AsyncEngine} on the bundle's Vert.x instance (so that the bundle, not
 * Hibernate Reactive, owns the event-loop threads and closes them on every path).
 *
 * <p>Internal: not part of the public API.
 */
final class AsyncEngineBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncEngineBuilder.class);

    private final String root;
    private final Vertx vertx;

    AsyncEngineBuilder(String root, Vertx vertx) {
        this.root = root;
        this.vertx = vertx;
    }

    AsyncEngine build(AsyncEngineSettings s, List<Class<?>> entities) {
        StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                .applySettings(settings(s))
                .addService(VertxInstance.class, (VertxInstance) () -> vertx)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            SessionFactory factory = sources.buildMetadata().getSessionFactoryBuilder().build();
            LOG.info("async engine '{}' started: {}, {} entities, pool {}", s.name(), s.maskedUrl(), entities.size(),
                    s.maxSize());
            return new AsyncEngine(s, vertx, registry, factory, entities);
        } catch (RuntimeException e) {
            ReactiveServiceRegistryBuilder.destroy(registry);
            String cause = JdbcUrls.mask(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (s.password() != null && !s.password().isEmpty()) {
                cause = cause.replace(s.password(), "****");
            }
            throw new EngineConfigurationException(Messages.hibernateRejectsEntities(s.name(), root, cause), e);
        }
    }

    private static Map<String, Object> settings(AsyncEngineSettings s) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.URL, s.url());
        if (s.user() != null) {
            settings.put(AvailableSettings.USER, s.user());
        }
        if (s.password() != null) {
            settings.put(AvailableSettings.PASS, s.password());
        }
        settings.put(AvailableSettings.POOL_SIZE, String.valueOf(s.maxSize()));
        settings.put(Settings.POOL_CONNECT_TIMEOUT, String.valueOf(s.maxWaitMillis()));
        settings.put(Settings.POOL_IDLE_TIMEOUT, String.valueOf(s.idleMillis()));
        if (s.maxWaitQueueSize() > 0) {
            settings.put(Settings.POOL_MAX_WAIT_QUEUE_SIZE, String.valueOf(s.maxWaitQueueSize()));
        }
        settings.put(Settings.SQL_CLIENT_POOL, ObservableSqlClientPool.class.getName());
        settings.put(AvailableSettings.GENERATE_STATISTICS, "true");
        settings.putAll(s.properties());
        return settings;
    }
}
