package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import io.dropwizard.core.Configuration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.util.Set;

/**
 * The {@code --engine NAME} option the {@code db} commands share, and how they name an engine
 * in what they print.
 *
 * <p>Internal: not part of the public API.
 */
final class EngineSelection {
    static final String OPTION = "engine";

    private EngineSelection() {
    }

    static void addOption(Subparser parser, String help, boolean required) {
        parser.addArgument("--" + OPTION).metavar("NAME").required(required).help(help);
    }

    /**
     * @return the engines the command line selects: the named one, or null for all
     * @throws CommandFailedException if the named engine is not in the configuration
     */
    static <C extends Configuration> Set<String> selected(BundleRuntime<C> runtime, C configuration,
                                                          Namespace namespace) {
        String only = namespace.getString(OPTION);
        if (only == null) {
            return null;
        }
        Set<String> configured = runtime.spec().configuredNames(configuration);
        if (!configured.isEmpty() && !configured.contains(only)) {
            throw new CommandFailedException(Messages.commandUnknownEngine(only, configured));
        }
        return Set.of(only);
    }

    /** @return {@code engine 'name' (masked URL): } */
    static String header(SyncEngine engine) {
        return "engine '" + engine.name() + "' (" + engine.settings().maskedUrl() + "): ";
    }
}
