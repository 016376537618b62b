package dev.hibernatelite.testfixtures;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a command line through Dropwizard's own {@link Cli}, as {@code java -jar app.jar ...}
 * would, and captures what it prints (the application's own output included, through the
 * stream it is given).
 */
public final class CommandRun {
    private final String out;
    private final String err;
    private final Optional<Throwable> failure;

    private CommandRun(String out, String err, Optional<Throwable> failure) {
        this.out = out;
        this.err = err;
        this.failure = failure;
    }

    /**
     * @param newApp makes the application, given where its commands print
     * @param arguments the command line, for example {@code db create config.yml}
     * @param <C> the application's configuration type
     * @return what happened
     */
    public static <C extends Configuration> CommandRun run(Function<PrintStream, ? extends Application<C>> newApp,
                                                           String... arguments) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream bundleOut = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream commandOutput = new PrintStream(bundleOut, true, StandardCharsets.UTF_8);
        Application<C> app = newApp.apply(commandOutput);
        Bootstrap<C> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(CommandRun.class), bootstrap, stdout, stderr);
        Optional<Throwable> failure = cli.run(arguments);
        return new CommandRun(stdout.toString(StandardCharsets.UTF_8) + bundleOut.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8), failure);
    }

    /** @return what the command printed on standard output */
    public String out() {
        return out;
    }

    /** @return what the command printed on standard error */
    public String err() {
        return err;
    }

    /** @return whether the command failed (the application would exit with a non-zero code) */
    public boolean failed() {
        return failure.isPresent();
    }

    @Override
    public String toString() {
        return "out:\n" + out + "\nerr:\n" + err + "\nfailure: " + failure;
    }
}
