package dev.hibernatelite.internal.command;

import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.internal.migration.MigrationException;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code db} command group: {@code db create} and its siblings, each reading the same YAML
 * as {@code server}. A failure prints its message (no stack trace when the message says it
 * all) on Dropwizard's error stream and makes the exit code non-zero.
 *
 * <p>Internal: not part of the public API.
 *
 * @param <C> the application's configuration type
 */
public final class DbCommand<C extends Configuration> extends ConfiguredCommand<C> {
    private static final String SUBCOMMAND = "hibernate-lite.subcommand";

    private final Class<C> configurationClass;
    private final PrintStream out;
    private final Map<String, DbSubcommand<C>> subcommands = new LinkedHashMap<>();

    /**
     * @param configurationClass the application's configuration class
     * @param runtime the bundle's runtime, which starts the engines
     * @param bundle the bundle, which {@code db shell} binds to {@code db}
     */
    public DbCommand(Class<C> configurationClass, BundleRuntime<C> runtime, Object bundle) {
        super(runtime.spec().commandName(),
                "Database tasks on the engines of the configuration file: create, drop, check, shell, migrate,"
                        + " info, validate, baseline, repair, revision");
        this.configurationClass = configurationClass;
        this.out = runtime.spec().commandOutput();
        for (DbSubcommand<C> sub : List.of(new CreateTablesCommand<>(runtime), new DropTablesCommand<>(runtime),
                new CheckCommand<>(runtime), new ShellCommand<>(runtime, bundle),
                new MigrationCommand<>(runtime, MigrationCommand.Task.MIGRATE),
                new MigrationCommand<>(runtime, MigrationCommand.Task.INFO),
                new MigrationCommand<>(runtime, MigrationCommand.Task.VALIDATE),
                new MigrationCommand<>(runtime, MigrationCommand.Task.BASELINE),
                new MigrationCommand<>(runtime, MigrationCommand.Task.REPAIR),
                new RevisionCommand<>(runtime))) {
            subcommands.put(sub.name(), sub);
        }
    }

    @Override
    protected Class<C> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers subparsers = subparser.addSubparsers().title("tasks").metavar("TASK");
        for (DbSubcommand<C> sub : subcommands.values()) {
            Subparser parser = subparsers.addParser(sub.name())
                    .setDefault(SUBCOMMAND, sub.name())
                    .help(sub.description())
                    .description(sub.description());
            // the subcommand's own positional arguments (db revision's MESSAGE) come before the file
            sub.configure(parser);
            addFileArgument(parser);
        }
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration) throws Exception {
        subcommands.get(namespace.getString(SUBCOMMAND)).run(bootstrap, namespace, configuration, out);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailedException || e instanceof EngineConfigurationException
                || e instanceof ConfigurationException || e instanceof MigrationException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            cli.getStdErr().println(getName() + " " + namespace.getString(SUBCOMMAND) + " failed: " + e);
            e.printStackTrace(cli.getStdErr());
        }
    }
}
