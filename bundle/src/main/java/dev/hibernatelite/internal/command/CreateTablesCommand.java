package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.schema.SchemaTasks;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.util.Set;

/**
 * {@code db create [--engine NAME] config.yml}: creates the missing tables of every engine's
 * entities (or one engine's), leaves existing tables alone, prints what it did.
 *
 * @param <C> the application's configuration type
 */
final class CreateTablesCommand<C extends Configuration> implements DbSubcommand<C> {
    private final BundleRuntime<C> runtime;

    CreateTablesCommand(BundleRuntime<C> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String description() {
        return "Create the missing tables of the entities bound to each engine (existing tables are left alone)";
    }

    @Override
    public void configure(Subparser parser) {
        EngineSelection.addOption(parser, "only this engine (default: every engine)", false);
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        Set<String> only = EngineSelection.selected(runtime, configuration, namespace);
        try (SyncEngines engines = runtime.startForTask(configuration, bootstrap.getMetricRegistry(), only)) {
            for (SyncEngine engine : engines.all()) {
                out.println(report(engine));
            }
        }
    }

    private static String report(SyncEngine engine) {
        String header = EngineSelection.header(engine);
        if (engine.entities().isEmpty()) {
            return header + "no entities are bound to it; nothing to create";
        }
        SchemaTasks.Tables before = SchemaTasks.createMissing(engine);
        if (before.missing().isEmpty()) {
            return header + "nothing to create; all " + before.existing().size() + " tables exist";
        }
        return header + "created " + before.missing().size() + (before.missing().size() == 1 ? " table: " : " tables: ")
                + String.join(", ", before.missing())
                + (before.existing().isEmpty() ? "" : "; " + before.existing().size() + " already existed");
    }
}
