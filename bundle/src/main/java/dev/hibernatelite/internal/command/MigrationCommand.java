package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.migration.FlywayMigrator;
import dev.hibernatelite.internal.migration.MigrationStatus;
import dev.hibernatelite.internal.migration.MigrationTarget;
import dev.hibernatelite.internal.migration.MigrationTargets;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.runtime.BundleSpec;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db migrate}, {@code db info}, {@code db validate}, {@code db baseline} and {@code db repair}:
 * Flyway's commands on every engine with migrations, or on the one named with {@code --engine}.
 * Each line names the engine and its database (password masked); the first failure stops the
 * command with a non-zero exit code and a message naming the file and the fix.
 *
 * @param <C> the application's configuration type
 */
final class MigrationCommand<C extends Configuration> implements DbSubcommand<C> {
    /** The five commands. */
    enum Task {
        MIGRATE("migrate", "Apply the pending migrations of every engine with migrations (or of one)"),
        INFO("info", "Show every migration of each engine and its state (applied, pending, failed)"),
        VALIDATE("validate", "Check that the applied migrations match their files (exit code 1 if not)"),
        BASELINE("baseline", "Record that an existing database is at a version, applying nothing"),
        REPAIR("repair", "Remove failed migrations from the history and record the files' current checksums");

        private final String command;
        private final String description;

        Task(String command, String description) {
            this.command = command;
            this.description = description;
        }
    }

    private final BundleRuntime<C> runtime;
    private final Task task;

    MigrationCommand(BundleRuntime<C> runtime, Task task) {
        this.runtime = runtime;
        this.task = task;
    }

    @Override
    public String name() {
        return task.command;
    }

    @Override
    public String description() {
        return task.description;
    }

    @Override
    public void configure(Subparser parser) {
        EngineSelection.addOption(parser, "only this engine (default: every engine with migrations)", false);
        if (task == Task.BASELINE) {
            parser.addArgument("--version").metavar("VERSION").setDefault("1")
                    .help("the version the database's schema is at (default 1): migrations up to it are not applied");
        }
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        BundleSpec.Settings settings = runtime.spec().validate(configuration);
        List<MigrationTarget> targets = MigrationTargets.of(settings.sync(), settings.async())
                .select(namespace.getString(EngineSelection.OPTION));
        for (MigrationTarget target : targets) {
            FlywayMigrator migrator = FlywayMigrator.of(target);
            switch (task) {
                case MIGRATE -> out.println(target.header() + migrated(migrator.migrate()));
                case INFO -> printInfo(target, migrator.info(), out);
                case VALIDATE -> out.println(target.header() + migrator.validate()
                        + " migrations checked; the applied ones match their files");
                case BASELINE -> out.println(target.header() + "baselined at version "
                        + migrator.baseline(namespace.getString("version"))
                        + ": migrations up to it will not be applied");
                case REPAIR -> {
                    List<String> done = migrator.repair();
                    out.println(target.header() + (done.isEmpty() ? "nothing to repair"
                            : "repaired: " + String.join("; ", done)));
                }
                default -> throw new IllegalStateException(task.name());
            }
        }
    }

    private static String migrated(FlywayMigrator.Applied applied) {
        if (applied.applied().isEmpty()) {
            return applied.to() == null ? "nothing to apply; no migration is applied yet"
                    : "up to date at version " + applied.to() + "; nothing to apply";
        }
        return "applied " + applied.applied().size() + (applied.applied().size() == 1 ? " migration: " : " migrations: ")
                + String.join(", ", applied.applied()) + "; now at version " + applied.to();
    }

    private static void printInfo(MigrationTarget target, MigrationStatus status, PrintStream out) {
        out.println(target.header() + "at version " + (status.current() == null ? "none" : status.current()) + ", "
                + status.pending().size() + " pending, " + status.failed().size() + " failed; migrations from "
                + String.join(", ", target.migrations().locations()) + ", history in "
                + target.migrations().table());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "DESCRIPTION", "TYPE", "INSTALLED ON", "STATE", "SCRIPT"});
        for (MigrationStatus.Row row : status.rows()) {
            rows.add(new String[] {row.version(), row.description(), row.type(), row.installedOn(), row.state(),
                    row.script()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i] == null ? "" : row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
