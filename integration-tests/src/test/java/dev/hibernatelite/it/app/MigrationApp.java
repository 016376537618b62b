package dev.hibernatelite.it.app;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

import java.io.PrintStream;

/** An application for running the migration commands: Note bound to "default", async engines allowed. */
public class MigrationApp extends Application<ProbeConfig> {
    private final HibernateLite<ProbeConfig> db;

    public MigrationApp() {
        this(System.out);
    }

    public MigrationApp(PrintStream output) {
        db = HibernateLite.<ProbeConfig>builder()
                .engines(ProbeConfig::getEngines)
                .asyncEngines(ProbeConfig::getAsyncEngines)
                .entities(Note.class)
                .commandOutput(output)
                .build();
    }

    public static void main(String[] args) throws Exception {
        new MigrationApp().run(args);
    }

    @Override
    public String getName() {
        return "migration-app";
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
