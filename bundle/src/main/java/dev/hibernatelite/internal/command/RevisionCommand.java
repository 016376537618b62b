package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.MigrationSettingsResolver;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.engine.SyncEngines;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.migration.RevisionWriter;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code db revision "add post title" [--engine NAME] [--drop] [--dir PATH] config.yml}: writes the
 * next versioned migration of one engine into its folder in the source tree, with the DDL that
 * brings its database (after its pending migrations) to what the entities map. Says what it wrote,
 * writes nothing when there is no difference, and drops nothing unless {@code --drop} is given.
 *
 * @param <C> the application's configuration type
 */
final class RevisionCommand<C extends Configuration> implements DbSubcommand<C> {
    private final BundleRuntime<C> runtime;

    RevisionCommand(BundleRuntime<C> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "revision";
    }

    @Override
    public String description() {
        return "Write the next migration of an engine, with the DDL its entities need (Alembic's autogenerate)";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("message").metavar("MESSAGE").help("what the revision does, for its file name: \"add post title\"");
        EngineSelection.addOption(parser, "the engine (default: default)", false);
        parser.addArgument("--drop").action(Arguments.storeTrue())
                .help("also write DROP statements for tables and columns the entities no longer map");
        parser.addArgument("--dir").metavar("PATH")
                .help("the engine's migration folder in the source tree (default: src/main/resources/ + its location)");
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        String name = namespace.getString(EngineSelection.OPTION) == null ? SyncEngines.DEFAULT
                : namespace.getString(EngineSelection.OPTION);
        Map<String, EngineSettings> engines = runtime.spec().validate(configuration).sync();
        EngineSettings settings = engines.get(name);
        if (settings == null) {
            throw new CommandFailedException(Messages.commandUnknownEngine(name, engines.keySet()));
        }
        Path folder = namespace.getString("dir") != null ? Path.of(namespace.getString("dir"))
                : MigrationSettingsResolver.sourceFolderOf(settings.migrations().locations().get(0));
        boolean drop = Boolean.TRUE.equals(namespace.getBoolean("drop"));
        try (SyncEngines started = runtime.startForTask(configuration, bootstrap.getMetricRegistry(), Set.of(name))) {
            SyncEngine engine = started.get(name);
            String header = EngineSelection.header(engine);
            RevisionWriter.Revision revision = RevisionWriter.write(engine, folder, namespace.getString("message"), drop);
            String after = revision.pending() == 0 ? "" : " after its " + revision.pending() + " pending migrations";
            String notDropped = revision.notDropped().isEmpty() ? ""
                    : "; not dropped (add --drop to write DROP statements): " + String.join(", ", revision.notDropped());
            if (revision.file() == null) {
                out.println(header + "the database" + after + " already has what the entities map; nothing written"
                        + notDropped);
            } else {
                out.println(header + "wrote " + revision.file() + " (" + revision.statements().size()
                        + (revision.statements().size() == 1 ? " statement" : " statements") + after + ")" + notDropped);
                revision.statements().forEach(s -> out.println("  " + s.lines().findFirst().orElse(s).strip()
                        + (s.lines().count() > 1 ? " ..." : "")));
            }
        }
    }
}
