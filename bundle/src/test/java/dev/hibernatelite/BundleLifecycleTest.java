package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.fixtures.UnreachableDriver;
import dev.hibernatelite.testfixtures.Note;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the bundle says when it is built, started or used out of order. */
class BundleLifecycleTest {
    @Test
    void aBundleBuiltWithoutEnginesSaysWhereToDeclareThem() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder().entities(Note.class).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("HL122: the bundle does not know where its engines are configured."
                        + " Call .engines(YourConfig::getEngines) on HibernateLite.builder().");
    }

    @Test
    void usingTheDatabaseBeforeTheBundleRanSaysWhenItBecomesUsable() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();

        assertThatThrownBy(db::context)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HL205: db.context() was called before the bundle ran.")
                .hasMessageContaining("bootstrap.addBundle(db)");
    }

    @Test
    void anUnreachableDatabaseWhoseUrlNamesNoKnownDatabaseAsksForTheDialect() {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();
        EngineFactory engine = EngineFactory.builder().url(UnreachableDriver.URL)
                .driverClass(UnreachableDriver.class.getName()).build();

        EngineConfigurationException e = catchThrowableOfType(EngineConfigurationException.class,
                () -> RunningBundle.start(db, Map.of("default", engine)).close());

        assertThat(e.getProblems()).singleElement().asString()
                .startsWith("HL402: engine 'default' could not reach its database at startup (" + UnreachableDriver.URL)
                .endsWith("Set engines.default.properties.hibernate.dialect to the dialect class.");
    }
}
