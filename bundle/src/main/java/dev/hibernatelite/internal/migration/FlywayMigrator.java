package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.config.MigrationSettingsResolver;
import dev.hibernatelite.internal.message.MigrationMessages;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import javax.sql.DataSource;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Flyway for one engine: {@code migrate}, {@code info}, {@code validate}, {@code baseline} and
 * {@code repair}, configured from the engine's YAML, with Flyway's failures turned into messages
 * that name the engine, its database and the fix ({@link FlywayFailures}). The only place (with
 * {@link FlywayFailures}) that names Flyway's types.
 *
 * <p>Internal: not part of the public API.
 */
public final class FlywayMigrator {
    /** Other instances wait for the one migrating this long (Flyway retries its lock once a second). */
    private static final int LOCK_RETRIES = 600;

    private final MigrationTarget target;
    private final DataSource dataSource;

    private FlywayMigrator(MigrationTarget target, DataSource dataSource) {
        this.target = target;
        this.dataSource = dataSource;
    }

    /**
     * @param target the engine
     * @return its migrator, on connections of its own
     * @throws MigrationException (HL312) when the engine has no migrations folder
     */
    public static FlywayMigrator of(MigrationTarget target) {
        return onUrl(target, target.jdbcUrl());
    }

    /**
     * @param target the engine whose migrations and credentials to use
     * @param jdbcUrl another database on the same server (a scratch database)
     * @return a migrator of that database
     */
    static FlywayMigrator onUrl(MigrationTarget target, String jdbcUrl) {
        if (!target.migrations().enabled()) {
            String location = target.migrations().locations().get(0);
            throw new MigrationException(MigrationMessages.noMigrations(target.header(), location,
                    MigrationSettingsResolver.sourceFolderOf(location),
                    target.migrations().yamlPath()), null);
        }
        return new FlywayMigrator(target, new TargetDataSource(target, jdbcUrl));
    }

    private Flyway flyway(String baselineVersion) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        var configuration = Flyway.configure(context != null ? context : FlywayMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(target.migrations().locations().toArray(String[]::new))
                .table(target.migrations().table())
                // a misnamed file is an error, not a migration silently left out
                .validateMigrationNaming(true)
                // pending migrations are what migrate is for; validate checks what was applied
                .ignoreMigrationPatterns("*:pending", "*:future")
                .cleanDisabled(true)
                .lockRetryCount(LOCK_RETRIES);
        if (baselineVersion != null) {
            configuration.baselineVersion(baselineVersion);
        }
        return configuration.load();
    }

    private <T> T run(String command, Function<Flyway, T> work) {
        return run(command, null, work);
    }

    private <T> T run(String command, String baselineVersion, Function<Flyway, T> work) {
        try {
            return work.apply(flyway(baselineVersion));
        } catch (FlywayException e) {
            throw FlywayFailures.translate(target, command, e);
        }
    }

    /**
     * What {@code db migrate} did.
     *
     * @param from the version before, or null
     * @param to the version after, or null
     * @param applied the migrations applied, as {@code V2 add post title}
     */
    public record Applied(String from, String to, List<String> applied) {
    }

    /**
     * Applies the pending migrations, under Flyway's lock (instances starting at once apply each once).
     *
     * @return what was applied
     * @throws MigrationException naming the file and line of a failed migration (HL310), or any other failure
     */
    public Applied migrate() {
        return run("db migrate", flyway -> {
            // Flyway validates too, but names versions only: this names the files
            requireValid(flyway);
            MigrateResult result = flyway.migrate();
            List<String> applied = new ArrayList<>();
            for (MigrateOutput output : result.migrations) {
                applied.add(label(output.version, output.description));
            }
            String to = result.targetSchemaVersion;
            if (applied.isEmpty()) {
                MigrationInfo current = flyway.info().current();
                to = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
            }
            return new Applied(result.initialSchemaVersion, to, applied);
        });
    }

    /** @return every migration and its state */
    public MigrationStatus info() {
        return run("db info", flyway -> {
            MigrationInfoService info = flyway.info();
            List<MigrationStatus.Row> rows = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT);
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            for (MigrationInfo migration : info.all()) {
                String version = migration.getVersion() == null ? "" : migration.getVersion().getVersion();
                rows.add(new MigrationStatus.Row(version, migration.getDescription(), migration.getType().name(),
                        migration.getInstalledOn() == null ? "" : format.format(migration.getInstalledOn()),
                        migration.getState().getDisplayName(), migration.getScript()));
                if (migration.getState() == MigrationState.PENDING) {
                    pending.add(label(version, migration.getDescription()));
                }
                if (migration.getState().isFailed()) {
                    failed.add(label(version, migration.getDescription()));
                }
            }
            MigrationInfo current = info.current();
            return new MigrationStatus(current == null || current.getVersion() == null ? null
                    : current.getVersion().getVersion(), List.copyOf(rows), List.copyOf(pending), List.copyOf(failed));
        });
    }

    /**
     * Checks that the applied migrations match the files (checksums, names, none missing, none failed).
     *
     * @return how many migrations were checked
     * @throws MigrationException (HL311) naming each file that does not match
     */
    public int validate() {
        return run("db validate", this::requireValid);
    }

    private int requireValid(Flyway flyway) {
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            List<String> problems = new ArrayList<>();
            for (ValidateOutput invalid : result.invalidMigrations) {
                problems.add(FlywayFailures.describe(invalid));
            }
            if (problems.isEmpty() && result.errorDetails != null) {
                problems.add(FlywayFailures.firstLine(result.errorDetails.errorMessage));
            }
            throw new MigrationException(MigrationMessages.migrationsInvalid(target.header(), problems), null);
        }
        return result.validateCount;
    }

    /**
     * Records that the database is at a version without applying anything (for a database whose
     * schema existed before its migrations).
     *
     * @param version the version to record, or null for 1
     * @return the version recorded
     */
    public String baseline(String version) {
        return run("db baseline", version, flyway -> flyway.baseline().baselineVersion);
    }

    /**
     * Removes failed migrations from the history and records the files' current checksums and
     * descriptions.
     *
     * @return what it did, one line each
     */
    public List<String> repair() {
        return run("db repair", flyway -> {
            RepairResult result = flyway.repair();
            List<String> done = new ArrayList<>();
            for (RepairOutput removed : result.migrationsRemoved) {
                done.add("removed the failed " + label(removed.version, removed.description) + " from the history");
            }
            for (RepairOutput aligned : result.migrationsAligned) {
                done.add("recorded the current checksum and description of " + label(aligned.version, aligned.description));
            }
            for (RepairOutput deleted : result.migrationsDeleted) {
                done.add("marked the missing " + label(deleted.version, deleted.description) + " as deleted");
            }
            return done;
        });
    }

    /** @return the engine this migrator works on */
    public MigrationTarget target() {
        return target;
    }

    static String label(String version, String description) {
        return (version == null || version.isEmpty() ? "R" : "V" + version) + " " + description;
    }
}
