package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.schema.SchemaTasks;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.util.Set;

/**
 * {@code db drop --engine NAME [--yes] config.yml}: drops the tables of the entities bound to
 * one engine. Without {@code --yes} it drops nothing, says what it would drop, and fails, so a
 * script that forgot the flag notices.
 *
 * @param <C> the application's configuration type
 */
final class DropTablesCommand<C extends Configuration> implements DbSubcommand<C> {
    private final BundleRuntime<C> runtime;

    DropTablesCommand(BundleRuntime<C> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "drop";
    }

    @Override
    public String description() {
        return "Drop the tables of the entities bound to one engine (other tables are not touched)";
    }

    @Override
    public void configure(Subparser parser) {
        EngineSelection.addOption(parser, "the engine whose tables to drop (required)", true);
        parser.addArgument("--yes").action(Arguments.storeTrue()).help("really drop them");
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        Set<String> only = EngineSelection.selected(runtime, configuration, namespace);
        boolean confirmed = Boolean.TRUE.equals(namespace.getBoolean("yes"));
        try (SyncEngines engines = runtime.startForTask(configuration, bootstrap.getMetricRegistry(), only)) {
            SyncEngine engine = engines.all().get(0);
            String header = EngineSelection.header(engine);
            if (!confirmed) {
                SchemaTasks.Tables tables = SchemaTasks.inspect(engine);
                if (tables.existing().isEmpty()) {
                    out.println(header + "nothing to drop; none of its " + tables.missing().size() + " tables exist");
                    return;
                }
                throw new CommandFailedException(Messages.dropNeedsYes(header, describe(tables)));
            }
            SchemaTasks.Tables before = SchemaTasks.dropExisting(engine);
            out.println(before.existing().isEmpty()
                    ? header + "nothing to drop; none of its " + before.missing().size() + " tables exist"
                    : header + "dropped " + describe(before));
        }
    }

    private static String describe(SchemaTasks.Tables tables) {
        return tables.existing().size() + (tables.existing().size() == 1 ? " table: " : " tables: ")
                + String.join(", ", tables.existing());
    }
}
