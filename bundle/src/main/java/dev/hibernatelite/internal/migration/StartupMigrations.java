package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.message.MigrationMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application does about migrations when it starts, before its engines: applies the pending
 * ones of every engine whose {@code migrateAtStartup} is on (under Flyway's lock, so that instances
 * starting at once apply each once), and warns about pending ones of the others without blocking.
 *
 * <p>Internal: not part of the public API.
 */
public final class StartupMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(StartupMigrations.class);

    private StartupMigrations() {
    }

    /**
     * @param targets every engine
     * @throws MigrationException (HL440) when an engine's migrations fail: the application must not
     *         start on a schema its code does not expect
     */
    public static void run(MigrationTargets targets) {
        for (MigrationTarget target : targets.withMigrations()) {
            if (target.migrations().migrateAtStartup()) {
                migrate(target);
            } else {
                warnIfPending(target);
            }
        }
    }

    private static void migrate(MigrationTarget target) {
        try {
            FlywayMigrator.Applied applied = FlywayMigrator.of(target).migrate();
            if (applied.applied().isEmpty()) {
                LOG.info("{}migrations up to date at version {}", target.header(), applied.to());
            } else {
                LOG.info("{}applied {} migrations at startup: {}; now at version {}", target.header(),
                        applied.applied().size(), String.join(", ", applied.applied()), applied.to());
            }
        } catch (MigrationException e) {
            throw new MigrationException(MigrationMessages.startupMigrationFailed(target.header(), e.getMessage()), e);
        }
    }

    private static void warnIfPending(MigrationTarget target) {
        try {
            MigrationStatus status = FlywayMigrator.of(target).info();
            if (!status.pending().isEmpty()) {
                LOG.warn(MigrationMessages.pendingAtStartup(target.header(), status.pending(),
                        target.migrations().yamlPath()));
            }
        } catch (MigrationException e) {
            // the database may be down: the engine starts anyway, and its health checks report it
            LOG.warn("{}could not read the migration history at startup: {}", target.header(), e.getMessage());
        }
    }
}
