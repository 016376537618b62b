package dev.hibernatelite.it.app;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.Engine;
import dev.hibernatelite.HibernateLite;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

import java.util.concurrent.ExecutorService;

/**
 * A small application whose resources exercise each way a request can use (or misuse, or not
 * use) the database, so that tests can observe sessions and pools from outside, over HTTP.
 */
public class ProbeApp extends Application<ProbeConfig> {
    private final HibernateLite<ProbeConfig> db;
    private final SlowRequests slow = new SlowRequests();

    /** The probe with the bundle's defaults. */
    public ProbeApp() {
        this(true);
    }

    /** @param warnOnUncommittedChanges the bundle's switch for the WARN about uncommitted changes */
    protected ProbeApp(boolean warnOnUncommittedChanges) {
        this.db = HibernateLite.<ProbeConfig>builder()
                .engines(ProbeConfig::getEngines)
                .asyncEngines(ProbeConfig::getAsyncEngines)
                .entities(Note.class)
                .warnOnUncommittedChanges(warnOnUncommittedChanges)
                .build();
    }

    public static void main(String[] args) throws Exception {
        new ProbeApp().run(args);
    }

    @Override
    public void initialize(Bootstrap<ProbeConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(ProbeConfig configuration, Environment environment) {
        if (configuration.isCreateTables()) {
            db.engines().values().forEach(Engine::createAll);
        }
        ExecutorService executor = environment.lifecycle().executorService("probe-async-%d").maxThreads(8)
                .minThreads(8).build();
        environment.jersey().register(new ProbeResource(db, executor, slow));
        environment.jersey().register(new NoteCountFilter(db));
        environment.jersey().register(new AsyncProbeResource(db, slow));
        environment.jersey().register(new ReadOnlyResource(db));
        environment.jersey().register(new AsyncReadOnlyResource(db));
    }

    public HibernateLite<ProbeConfig> db() {
        return db;
    }

    public SlowRequests slow() {
        return slow;
    }
}
