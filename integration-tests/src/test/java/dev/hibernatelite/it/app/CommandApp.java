package dev.hibernatelite.it.app;

import dev.hibernatelite.testfixtures.Tag;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.HibernateLite;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

import java.io.PrintStream;

/**
 * An application for running {@code db} commands: Note bound to "default", Tag to "tags".
 * Its {@code main} is what a test starts in a separate JVM for {@code db shell}.
 */
public class CommandApp extends Application<ProbeConfig> {
    private final HibernateLite<ProbeConfig> db;

    public CommandApp() {
        this(System.out);
    }

    public CommandApp(PrintStream output) {
        db = HibernateLite.<ProbeConfig>builder()
                .engines(ProbeConfig::getEngines)
                .asyncEngines(ProbeConfig::getAsyncEngines)
                .entities(Note.class)
                .entities("tags", Tag.class)
                .commandOutput(output)
                .build();
    }

    public static void main(String[] args) throws Exception {
        new CommandApp().run(args);
    }

    @Override
    public String getName() {
        return "command-app";
    }

    @Override
    public void initialize(Bootstrap<ProbeConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(ProbeConfig configuration, Environment environment) {
        throw new AssertionError("commands must not run the application");
    }
}
