package dev.hibernatelite.example;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hibernatelite.HibernateLite;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;


/**
 * flask-sqlalchemy-lite's blog as a Dropwizard application:
 * {@code java -jar example-app.jar server config.yml}.
 */
public class BlogApp extends Application<BlogConfig> {
    private final HibernateLite<BlogConfig> db = HibernateLite.<BlogConfig>builder()
            .engines(BlogConfig::getEngines)
            .asyncEngines(BlogConfig::getAsyncEngines)
            .entities(User.class, Post.class)
            .build();

    /**
     * Starts the application.
     *
     * @param args Dropwizard's command line, for example {@code server config.yml}
     * @throws Exception when the command fails
     */
    public static void main(String[] args) throws Exception {
        new BlogApp().run(args);
    }

    /** @return the application's database bundle (tests use it to isolate themselves) */
    public HibernateLite<BlogConfig> db() {
        return db;
    }

    /** @return the application's name */
    @Override
    public String getName() {
        return "blog";
    }

    /** Reads {@code ${VARIABLE:-default}} from the environment in the YAML, adds the bundle, writes dates as ISO-8601. */
    @Override
    public void initialize(Bootstrap<BlogConfig> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(db);
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Creates the missing tables when asked to, and registers the resources (the async one with an async engine). */
    @Override
    public void run(BlogConfig config, Environment environment) {
        if (config.isCreateTables()) {
            db.engine().createAll(); // SQLAlchemy's Model.metadata.create_all(db.engine)
        }
        environment.jersey().register(new UserResource(db));
        environment.jersey().register(new PostResource(db));
        if (!config.getAsyncEngines().isEmpty()) {
            environment.jersey().register(new AsyncUserResource(db));
        }
    }
}
