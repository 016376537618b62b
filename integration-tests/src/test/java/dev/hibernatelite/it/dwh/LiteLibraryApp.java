package dev.hibernatelite.it.dwh;

import dev.hibernatelite.HibernateLite;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/** The same library on this bundle: only the bundle changed. */
public class LiteLibraryApp extends Application<LiteLibraryConfig> {
    private final HibernateLite<LiteLibraryConfig> db = HibernateLite.<LiteLibraryConfig>builder()
            .engines(LiteLibraryConfig::getEngines)
            .entities(Author.class, Book.class)
            .build();
    private Janitor janitor;

    @Override
    public void initialize(Bootstrap<LiteLibraryConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(LiteLibraryConfig configuration, Environment environment) {
        janitor = Library.register(environment, db.sessionFactory());
    }

    public Janitor janitor() {
        return janitor;
    }

    public HibernateLite<LiteLibraryConfig> db() {
        return db;
    }
}
