package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.JdbcUrls;
import dev.hibernatelite.internal.config.MigrationSettings;
import dev.hibernatelite.internal.message.Secrets;

import java.util.Map;

/**
 * One database whose schema an engine's migrations manage: a sync engine's, or an async engine's
 * reached through the JDBC URL that matches its URL.
 *
 * @param name the engine's name
 * @param async whether it is an async engine
 * @param jdbcUrl the JDBC URL to connect with (no password in it where the driver reads it as a property)
 * @param maskedUrl the URL as written, safe to print
 * @param vendor the database
 * @param driverClass the JDBC driver class, or null to let {@code DriverManager} find one
 * @param user the user, or null
 * @param password the password, or null; never printed
 * @param driverProperties other driver properties
 * @param migrations the engine's migration settings
 */
public record MigrationTarget(String name, boolean async, String jdbcUrl, String maskedUrl, DatabaseVendor vendor,
                              String driverClass, String user, String password, Map<String, String> driverProperties,
                              MigrationSettings migrations) {
    /**
     * @param engine a sync engine's settings
     * @return its migration target
     */
    public static MigrationTarget of(EngineSettings engine) {
        return new MigrationTarget(engine.name(), false, engine.jdbcUrl(), engine.maskedUrl(), engine.vendor(),
                engine.driverClass(), engine.user(), engine.password(), engine.driverProperties(), engine.migrations());
    }

    /**
     * @param engine an async engine's settings
     * @return its migration target, through the matching JDBC URL
     */
    public static MigrationTarget of(AsyncEngineSettings engine) {
        String url = engine.jdbcUrl();
        return new MigrationTarget(engine.name(), true, url, Secrets.mask(url), JdbcUrls.vendorOf(url), null,
                engine.user(), engine.password(), Map.of(), engine.migrations());
    }

    /** @return {@code engine 'name' (masked URL): }, how commands and messages name the target */
    public String header() {
        return (async ? "async engine '" : "engine '") + name + "' (" + maskedUrl + "): ";
    }

    /** @return whether the database runs DDL inside transactions (a failed migration leaves nothing) */
    public boolean transactionalDdl() {
        return vendor == DatabaseVendor.POSTGRESQL || vendor == DatabaseVendor.H2;
    }

    /**
     * @param failure a failure while working on this target
     * @return its description with the password and URL secrets masked
     */
    public String describe(Throwable failure) {
        return Secrets.describe(failure, password);
    }

    /** A description without the password. */
    @Override
    public String toString() {
        return "MigrationTarget{" + header() + migrations.locations() + "}";
    }
}
