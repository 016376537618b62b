package dev.hibernatelite.synconly;

import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineConfigurationException;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuring an async engine without Hibernate Reactive says what to add, at startup. */
class AsyncEnginesWithoutHibernateReactiveTest {
    @Test
    void startupNamesTheArtifactsToAddWithTheirVersions() {
        SyncOnlyConfig config = new SyncOnlyConfig();
        config.setEngines(Map.of("default", EngineFactory.of("jdbc:h2:mem:")));
        config.setAsyncEngines(Map.of("events", AsyncEngineFactory.of("postgresql://127.0.0.1:5432/app")));

        assertThatThrownBy(() -> new SyncOnlyApp().db().run(config, new Environment("sync-only")))
                .isInstanceOf(EngineConfigurationException.class)
                .hasMessageContaining("HL136")
                .hasMessageContaining("asyncEngines.events")
                .hasMessageMatching("(?s).*org\\.hibernate\\.reactive:hibernate-reactive-core:\\d+\\.\\d+\\.\\d+\\.Final.*")
                .hasMessageMatching("(?s).*io\\.vertx:vertx-pg-client:\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void askingForTheAsyncApiWithoutAsyncEnginesSaysHowToAddThem() throws Exception {
        SyncOnlyApp app = new SyncOnlyApp();
        SyncOnlyConfig config = new SyncOnlyConfig();
        config.setEngines(Map.of("default", EngineFactory.of("jdbc:h2:mem:")));
        Environment environment = new Environment("sync-only");
        app.db().run(config, environment);
        try {
            assertThatThrownBy(() -> app.db().async())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HL207")
                    .hasMessageContaining("hibernate-reactive-core");
        } finally {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
        }
    }
}
