package dev.hibernatelite.internal.command;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;

/**
 * One command of the {@code db} group ({@code create}, ...).
 *
 * @param <C> the application's configuration type
 */
interface DbSubcommand<C extends Configuration> {
    /** @return the name typed after {@code db} */
    String name();

    /** @return the one-line help text */
    String description();

    /** @param parser the subcommand's parser, to add its own arguments to */
    void configure(Subparser parser);

    /**
     * @param bootstrap the application's bootstrap
     * @param namespace the parsed arguments
     * @param configuration the parsed, validated configuration
     * @param out where to print results
     * @throws Exception on failure; the message is shown to the user and the exit code is non-zero
     */
    void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) throws Exception;
}
