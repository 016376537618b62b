package dev.hibernatelite;

import dev.hibernatelite.fixtures.NotAnEntity;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which engine each entity belongs to, as the builder declares it: mistakes fail when the
 * bundle is built, before any configuration is read.
 */
class EntityBindingTest {

    private static Set<Class<?>> mappedBy(SessionFactory factory) {
        return factory.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .collect(Collectors.toSet());
    }

    @Test
    void anEntityBoundTwiceToTheSameEngineIsRejectedAtBuildTime() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class, Tag.class)
                .entities(Note.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HL117: entity dev.hibernatelite.testfixtures.Note is bound to engine 'default' and again to"
                        + " 'default'. An entity belongs to one engine: remove one of the bindings.");
    }

    @Test
    void anEntityBoundToTwoEnginesIsRejectedNamingBoth() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("reports", Note.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HL117: entity dev.hibernatelite.testfixtures.Note is bound to engine 'default'"
                        + " and again to 'reports'.");
    }

    @Test
    void anEntityNamedTwiceInOneCallIsRejected() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities("reports", Tag.class, Tag.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HL117: entity dev.hibernatelite.testfixtures.Tag");
    }

    @Test
    void anEntityFoundByAPackageScanAndBoundAgainIsRejected() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities("reports", Tag.class)
                .entityPackage("dev.hibernatelite.testfixtures"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HL117: entity dev.hibernatelite.testfixtures.Tag is bound to engine 'reports'"
                        + " and again to 'default'.");
    }

    @Test
    void aClassWithoutEntityIsRejectedAtBuildTime() {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(NotAnEntity.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HL118: dev.hibernatelite.fixtures.NotAnEntity is not annotated with"
                        + " @jakarta.persistence.Entity, so Hibernate cannot map it. Annotate it, or do not bind it.");
    }

    /** The shared fixtures package holds the entities Note and Tag, and classes that are not entities. */
    private static void areTheFixtureEntities(Set<Class<?>> mapped) {
        assertThat(mapped).containsExactlyInAnyOrder(Note.class, Tag.class)
                .allSatisfy(type -> {
                    assertThat(type.getPackageName()).isEqualTo("dev.hibernatelite.testfixtures");
                    assertThat(type).hasAnnotation(Entity.class);
                });
    }

    @Test
    void aPackageScanBindsEveryEntityInThePackageAndNothingElse() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entityPackage("dev.hibernatelite.testfixtures")
                .build();

        try (RunningBundle running = RunningBundle.start(db, Map.of("default", EngineFactory.of("jdbc:h2:mem:")))) {
            areTheFixtureEntities(mappedBy(db.sessionFactory()));
        }
    }

    @Test
    void aPackageScanCanBindToANamedEngine() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entityPackage("reports", "dev.hibernatelite.testfixtures")
                .build();

        try (RunningBundle running = RunningBundle.start(db, Map.of(
                "default", EngineFactory.of("jdbc:h2:mem:"),
                "reports", EngineFactory.of("jdbc:h2:mem:")))) {
            areTheFixtureEntities(mappedBy(db.sessionFactory("reports")));
            assertThat(mappedBy(db.sessionFactory())).isEmpty();
        }
    }

    @Test
    void entitiesBoundToEachEngineAreMappedOnlyByThatEngine() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entities(Note.class)
                .entities("tags", Tag.class)
                .build();

        try (RunningBundle running = RunningBundle.start(db, Map.of(
                "default", EngineFactory.of("jdbc:h2:mem:"),
                "tags", EngineFactory.of("jdbc:h2:mem:")))) {
            assertThat(mappedBy(db.sessionFactory())).containsExactly(Note.class);
            assertThat(mappedBy(db.sessionFactory("tags"))).containsExactly(Tag.class);
        }
    }

    @ParameterizedTest(name = "package {0}")
    @ValueSource(strings = {"dev.hibernatelite.internal.config", "dev.hibernatelite.no.such.pkg"})
    void aPackageWithoutEntitiesIsRejectedAtBuildTime(String packageName) {
        assertThatThrownBy(() -> HibernateLite.<NotesConfig>builder()
                .engines(NotesConfig::getEngines)
                .entityPackage("reports", packageName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HL119: package " + packageName + " (scanned for engine 'reports') holds no @Entity"
                        + " classes. Check the package name.");
    }
}
