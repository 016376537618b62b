package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testfixtures.Tag;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bundle added twice, or two bundles claiming the same names, stop startup with a message id. */
class BundleClaimsTest {

    private static Bootstrap<NotesConfig> bootstrap() {
        return new Bootstrap<>(new Application<NotesConfig>() {
            @Override
            public void run(NotesConfig configuration, Environment environment) {
            }
        });
    }

    private static NotesConfig config(String... engines) {
        NotesConfig config = new NotesConfig();
        Map<String, EngineFactory> map = new java.util.LinkedHashMap<>();
        for (String engine : engines) {
            map.put(engine, EngineFactory.of("jdbc:h2:mem:"));
        }
        config.setEngines(map);
        return config;
    }

    private static HibernateLite<NotesConfig> bundle() {
        return HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines).entities(Note.class).build();
    }

    @Test
    void addingTheSameBundleTwiceStopsStartup() {
        HibernateLite<NotesConfig> db = bundle();
        Bootstrap<NotesConfig> bootstrap = bootstrap();
        bootstrap.addBundle(db);

        assertThatThrownBy(() -> bootstrap.addBundle(db))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HL162: the bundle of 'engines' (command 'db') was added to the application twice");
    }

    @Test
    void runningTheSameBundleTwiceInOneEnvironmentStopsBeforeAnyEngineStarts() {
        HibernateLite<NotesConfig> db = bundle();
        Environment environment = new Environment("claims");
        db.run(config("default"), environment);
        try {
            assertThatThrownBy(() -> db.run(config("default"), environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HL162:");
        } finally {
            environment.lifecycle().getManagedObjects().forEach(managed -> {
                try {
                    managed.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void twoBundlesConfiguringTheSameEngineNameStopStartupNamingBoth() {
        HibernateLite<NotesConfig> first = bundle();
        HibernateLite<NotesConfig> second = HibernateLite.<NotesConfig>builder()
                .engines("reporting.engines", NotesConfig::getEngines).noDefaultEngine().entities("tags", Tag.class)
                .commandName("reports").build();
        Environment environment = new Environment("claims");
        first.run(config("default"), environment);
        try {
            assertThatThrownBy(() -> second.run(config("default", "tags"), environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HL163: two bundles of the application configure the same engine names"
                            + " (default): the bundle of 'engines' (command 'db') (added first) and the bundle of"
                            + " 'reporting.engines' (command 'reports').");
            assertThat(environment.metrics().getNames()).noneMatch(name -> name.startsWith("hibernate-lite.tags"));
        } finally {
            environment.lifecycle().getManagedObjects().forEach(managed -> {
                try {
                    managed.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void twoBundlesAddingTheSameCommandStopStartupWithTheFix() {
        Bootstrap<NotesConfig> bootstrap = bootstrap();
        bootstrap.addBundle(bundle());

        assertThatThrownBy(() -> bootstrap.addBundle(HibernateLite.<NotesConfig>builder()
                .engines("other", NotesConfig::getEngines).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HL164: two bundles of the application add the command 'db'")
                .hasMessageContaining(".commandName(");
    }

    @Test
    void twoBundlesWithDistinctEnginesAndCommandsRunSideBySide() throws Exception {
        HibernateLite<NotesConfig> first = bundle();
        HibernateLite<NotesConfig> second = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines).noDefaultEngine().entities("tags", Tag.class)
                .commandName("tags-db").build();
        Bootstrap<NotesConfig> bootstrap = bootstrap();
        bootstrap.addBundle(first);
        bootstrap.addBundle(second);
        Environment environment = new Environment("claims");
        first.run(config("default"), environment);
        second.run(config("tags"), environment);

        assertThat(first.engines()).containsOnlyKeys("default");
        assertThat(second.engines()).containsOnlyKeys("tags");
        for (var managed : environment.lifecycle().getManagedObjects()) {
            managed.stop();
        }
    }
}
