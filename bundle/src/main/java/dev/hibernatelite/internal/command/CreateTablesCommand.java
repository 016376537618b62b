package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.engine.Engine;
import dev.hibernatelite.internal.engine.EngineSetup;
import dev.hibernatelite.internal.engine.Engines;
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
    private final EngineSetup<C> setup;

    CreateTablesCommand(EngineSetup<C> setup) {
        this.setup = setup;
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
        Set<String> only = EngineSelection.selected(setup, configuration, namespace);
        try (Engines engines = setup.start(configuration, bootstrap.getMetricRegistry(), only, false)) {
            for (Engine engine : engines.all()) {
                out.println(report(engine));
            }
        }
    }

    private static String report(Engine engine) {
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
