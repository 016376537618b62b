package dev.hibernatelite.internal.engine;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import org.hibernate.cfg.AvailableSettings;

import java.util.HashMap;
import java.util.Map;

/**
 * The Hibernate settings of one engine: the bundle's defaults, then the engine's own
 * {@code hibernate.*} properties, which win.
 *
 * <p>Internal: not part of the public API.
 */
public final class HibernateSettings {
    /** The setting that names the engine of a session factory (in its {@code getProperties()}). */
    public static final String ENGINE_NAME = "dev.hibernatelite.engine";

    private HibernateSettings() {
    }

    /**
     * @param s the engine's settings
     * @param dataSource what Hibernate takes connections from
     * @param connections how Hibernate takes them: through the engine's {@link ConnectionGate}
     * @param info what the database said at startup, or null if it did not answer
     * @param bundleSettings settings the rest of the bundle adds, under the engine's own properties
     * @return the settings for Hibernate's service registry
     */
    static Map<String, Object> of(EngineSettings s, IsolatingDataSource dataSource,
                                  GatedConnectionProvider connections, DatabaseInfo info,
                                  Map<String, String> bundleSettings) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DATASOURCE, dataSource);
        settings.put(AvailableSettings.CONNECTION_PROVIDER, connections);
        settings.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        settings.put(AvailableSettings.USE_SQL_COMMENTS, Boolean.toString(s.autoComments()));
        settings.put(AvailableSettings.ORDER_INSERTS, "true");
        settings.put(AvailableSettings.ORDER_UPDATES, "true");
        settings.put(AvailableSettings.GENERATE_STATISTICS, "true");
        // statistics feed the metrics; without this, Hibernate logs a "Session Metrics" block at INFO per session
        settings.put(AvailableSettings.LOG_SESSION_METRICS, "false");
        // the counters the metrics publish, without Hibernate's per-entity and per-query statistics
        settings.put(AvailableSettings.STATS_BUILDER, CountingStatistics.FACTORY);
        // db revision: a unique key the database has is left alone, a missing one
        // added; never the default's drop-and-recreate of every unique key in each revision
        settings.put(AvailableSettings.UNIQUE_CONSTRAINT_SCHEMA_UPDATE_STRATEGY, "RECREATE_QUIETLY");
        if (info == null) {
            // The database did not answer: boot from what the URL says instead of asking it.
            settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
            if (s.vendor() != DatabaseVendor.OTHER) {
                settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, s.vendor().displayName());
            }
        }
        // which engine a session factory belongs to, for whoever Hibernate hands only the factory
        settings.put(ENGINE_NAME, s.name());
        settings.putAll(bundleSettings);
        settings.putAll(s.hibernateProperties());
        return settings;
    }
}
