package ${package};

import dev.hibernatelite.HibernateLite;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/** The service: java -jar target/${artifactId}.jar server config.yml */
public class TodoApp extends Application<TodoConfig> {
    private final HibernateLite<TodoConfig> db = HibernateLite.<TodoConfig>builder()
            .engines(TodoConfig::getEngines)
            .entities(Todo.class)
            .build();

    public static void main(String[] args) throws Exception {
        new TodoApp().run(args);
    }

    @Override
    public String getName() {
        return "${artifactId}";
    }

    @Override
    public void initialize(Bootstrap<TodoConfig> bootstrap) {
        // environment variables in config.yml (DATABASE_URL)
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(db);
    }

    @Override
    public void run(TodoConfig configuration, Environment environment) {
        environment.jersey().register(new TodoResource(db));
    }

    /** @return the bundle: sessions, contexts, commands (the tests use it too) */
    public HibernateLite<TodoConfig> db() {
        return db;
    }
}
