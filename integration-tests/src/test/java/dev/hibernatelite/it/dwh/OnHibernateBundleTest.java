package dev.hibernatelite.it.dwh;

import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on dropwizard-hibernate's own HibernateBundle: what users rely on today. */
class OnHibernateBundleTest extends DropwizardHibernateContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<DwhLibraryConfig> APP = new DropwizardAppExtension<>(DwhLibraryApp.class,
            ResourceHelpers.resourceFilePath("dwh-library.yml"), ConfigOverride.config("database.url", POSTGRES::url));

    @Override
    Http http() {
        return new Http(APP.getLocalPort());
    }

    @Override
    Janitor janitor() {
        return APP.<DwhLibraryApp>getApplication().janitor();
    }
}
