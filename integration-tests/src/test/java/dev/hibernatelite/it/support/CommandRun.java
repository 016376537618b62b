package dev.hibernatelite.it.support;

import dev.hibernatelite.it.app.CommandApp;
import dev.hibernatelite.it.app.ProbeConfig;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a command line through Dropwizard's own {@link Cli}, as {@code java -jar app.jar ...}
 * would, against the {@link CommandApp}, and captures what it prints.
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

    public static CommandRun run(String... arguments) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream bundleOut = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream commandOutput = new PrintStream(bundleOut, true, StandardCharsets.UTF_8);
        CommandApp app = new CommandApp(commandOutput);
        Bootstrap<ProbeConfig> bootstrap = new Bootstrap<>(app);
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
