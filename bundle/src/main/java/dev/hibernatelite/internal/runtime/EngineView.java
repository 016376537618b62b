package dev.hibernatelite.internal.runtime;

import dev.hibernatelite.Engine;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.schema.SchemaTasks;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;

/**
 * What users see of a sync engine: {@code db.engine("name")}.
 *
 * <p>Internal: not part of the public API.
 */
final class EngineView implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(EngineView.class);

    private final SyncEngine engine;

    EngineView(SyncEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public SessionFactory sessionFactory() {
        return engine.sessionFactory();
    }

    @Override
    public DataSource dataSource() {
        return engine.dataSource();
    }

    @Override
    public List<String> createAll() {
        List<String> created = SchemaTasks.createMissing(engine).missing();
        if (!created.isEmpty()) {
            LOG.info("engine '{}': created tables {}", engine.name(), created);
        }
        return created;
    }

    @Override
    public String toString() {
        return "Engine{" + engine.name() + ", " + engine.settings().maskedUrl() + "}";
    }
}
