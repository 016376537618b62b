package dev.hibernatelite.it.dwh;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.hibernate.HibernateBundle;

/** The library on dropwizard-hibernate's {@code HibernateBundle}: the application users have today. */
public class DwhLibraryApp extends Application<DwhLibraryConfig> {
    private final HibernateBundle<DwhLibraryConfig> hibernate = new HibernateBundle<>(Author.class, Book.class) {
        @Override
        public PooledDataSourceFactory getDataSourceFactory(DwhLibraryConfig configuration) {
            return configuration.getDatabase();
        }
    };
    private Janitor janitor;

    @Override
    public void initialize(Bootstrap<DwhLibraryConfig> bootstrap) {
        bootstrap.addBundle(hibernate);
    }

    @Override
    public void run(DwhLibraryConfig configuration, Environment environment) {
        janitor = Library.register(environment, hibernate.getSessionFactory());
    }

    public Janitor janitor() {
        return janitor;
    }
}
