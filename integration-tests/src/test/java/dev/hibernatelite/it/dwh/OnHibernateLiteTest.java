package dev.hibernatelite.it.dwh;

import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same contract on this bundle, the application changed only in its bundle; and what gets
 * better: sessions opened lazily, DAOs usable in db.context(), a message outside a context.
 */
class OnHibernateLiteTest extends DropwizardHibernateContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<LiteLibraryConfig> APP = new DropwizardAppExtension<>(LiteLibraryApp.class,
            ResourceHelpers.resourceFilePath("lite-library.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url));

    private static LiteLibraryApp app() {
        return APP.getApplication();
    }

    private static Pools pool() {
        return new Pools(APP.getEnvironment().metrics(), "default", app().db().sessionFactory());
    }

    @Override
    Http http() {
        return new Http(APP.getLocalPort());
    }

    @Override
    Janitor janitor() {
        return app().janitor();
    }

    @AfterEach
    void everyConnectionIsBackInThePool() {
        pool().awaitIdle();
    }

    @Test
    void aUnitOfWorkThatNeverTouchesTheDatabaseBorrowsNoConnection() {
        long before = pool().borrows();

        // dropwizard-hibernate opens a session and begins a transaction before the method runs
        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/ping").statusCode()).isEqualTo(200);
        }

        assertThat(pool().borrows()).isEqualTo(before);
    }

    @Test
    void aDaoWorksInADbContextOutsideRequests() {
        String name = unique("in-context");
        AuthorDAO dao = new AuthorDAO(app().db().sessionFactory());

        try (SessionContext ctx = app().db().context()) {
            dao.create(new Author(name));
            app().db().commit();
        }

        assertThat(countNamed(name)).isEqualTo(1);
    }

    @Test
    void aDaoOutsideAnyContextSaysHowToOpenOne() {
        AuthorDAO dao = new AuthorDAO(app().db().sessionFactory());

        assertThatThrownBy(() -> dao.findById(1))
                .isInstanceOf(HibernateException.class)
                .hasMessageStartingWith("HL160: sessionFactory.getCurrentSession() on engine 'default'");
    }
}
