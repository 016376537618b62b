package dev.hibernatelite.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package list is the architecture (docs/architecture.md): these rules keep it true.
 */
class PackageRulesTest {
    private static JavaClasses bundle;

    @BeforeAll
    static void importBundle() {
        bundle = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hibernatelite");
    }

    @Test
    void internalPackagesHaveNoCycles() {
        slices().matching("dev.hibernatelite.internal.(*)..").should().beFreeOfCycles().check(bundle);
    }

    @Test
    void syncEnginesDoNotDependOnAsyncEnginesContextsOrTheRuntime() {
        noClasses().that().resideInAPackage("..internal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.async..", "..internal.context..",
                        "..internal.runtime..", "..internal.command..", "..internal.web..", "..internal.migration..")
                .check(bundle);
    }

    @Test
    void configurationValidationDependsOnlyOnTheMessageCatalogue() {
        noClasses().that().resideInAPackage("..internal.config..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.engine..", "..internal.async..",
                        "..internal.context..", "..internal.runtime..", "..internal.command..", "..internal.health..",
                        "..internal.web..", "..internal.schema..", "..internal.migration..")
                .check(bundle);
    }

    @Test
    void onlyTheMigrationPackageNamesFlyway() {
        noClasses().that().resideOutsideOfPackage("..internal.migration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..")
                .check(bundle);
    }

    @Test
    void migrationsDependOnNoRequestSessionsContextsOrCommands() {
        noClasses().that().resideInAPackage("..internal.migration..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal.async..", "..internal.context..",
                        "..internal.runtime..", "..internal.command..", "..internal.web..")
                .check(bundle);
    }

    @Test
    void onlyTheAsyncPackageAndItsPublicFaceNameHibernateReactiveMutinyOrVertx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("..internal.async..")
                .and().doNotHaveFullyQualifiedName("dev.hibernatelite.AsyncSessions")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate.reactive..", "io.smallrye.mutiny..",
                        "io.vertx..");
        rule.check(bundle);
    }

    @Test
    void onlyTheDropwizardHibernatePackageNamesDropwizardHibernateTypes() {
        noClasses().that().resideOutsideOfPackage("..internal.dwh..")
                .should().dependOnClassesThat().resideInAPackage("io.dropwizard.hibernate..")
                .check(bundle);
    }

    @Test
    void theDropwizardHibernatePackageIsReachedOnlyByTheRuntime() {
        noClasses().that().resideOutsideOfPackages("..internal.dwh..", "..internal.runtime..")
                .should().dependOnClassesThat().resideInAPackage("..internal.dwh..")
                .check(bundle);
    }

    @Test
    void thePublicFaceNamesNoInternalTypeInItsSignatures() {
        classes().that().resideInAPackage("dev.hibernatelite").and().arePublic()
                .should(new PublicSignaturesAvoidInternalTypes())
                .check(bundle);
    }

    @Test
    void internalClassesDoNotUseThePublicFacadeClass() {
        noClasses().that().resideInAPackage("..internal..").and().doNotHaveSimpleName("BundleAccess")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.hibernatelite.HibernateLite")
                .check(bundle);
    }
}
