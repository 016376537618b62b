package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.Messages;
import dev.hibernatelite.internal.engine.Engine;
import dev.hibernatelite.internal.engine.EngineSetup;
import dev.hibernatelite.internal.engine.Engines;
import dev.hibernatelite.internal.schema.SchemaCreation;
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
        parser.addArgument("--engine").metavar("NAME").help("only this engine (default: every engine)");
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        String only = namespace.getString("engine");
        Set<String> configured = setup.configuredNames(configuration);
        if (only != null && !configured.isEmpty() && !configured.contains(only)) {
            throw new CommandFailedException(Messages.commandUnknownEngine(only, configured));
        }
        try (Engines engines = setup.start(configuration, bootstrap.getMetricRegistry(),
                only == null ? null : Set.of(only))) {
            for (Engine engine : engines.all()) {
                out.println(report(engine));
            }
        }
    }

    private static String report(Engine engine) {
        String header = "engine '" + engine.name() + "' (" + engine.settings().maskedUrl() + "): ";
        if (engine.entities().isEmpty()) {
            return header + "no entities are bound to it; nothing to create";
        }
        SchemaCreation.Result result = SchemaCreation.createMissing(engine);
        if (result.created().isEmpty()) {
            return header + "nothing to create; all " + result.existing().size() + " tables exist";
        }
        return header + "created " + result.created().size() + (result.created().size() == 1 ? " table: " : " tables: ")
                + String.join(", ", result.created())
                + (result.existing().isEmpty() ? "" : "; " + result.existing().size() + " already existed");
    }
}
