package dev.hibernatelite.example;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * flask-sqlalchemy-lite's testing advice, in Java: a separate test database, each test isolated
 * (what it writes, over HTTP too, is gone afterwards), tests without requests, and data set up
 * around requests. The tests run in order only to show that the first one's writes are gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlogIsolationTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres().migrated();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<BlogApp>getApplication().db());

    private static HibernateLite<BlogConfig> db() {
        return APP.<BlogApp>getApplication().db();
    }

    private static long users() {
        try (SessionContext ctx = db().context()) {
            return db().session().createSelectionQuery("select count(u) from User u", Long.class).getSingleResult();
        }
    }

    @Test
    @Order(1)
    void aUserCreatedOverHttpIsCommitted() {
        new BlogClient(APP, "").newUser("ada");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void andIsGoneInTheNextTest() {
        assertThat(users()).isZero();
    }

    @Test
    @Order(3)
    void aTestWithoutRequestsUsesAContext() {
        try (SessionContext ctx = db().context()) {
            db().session().persist(new User("grace"));
            db().commit();
        }
        assertThat(users()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void dataSetUpBeforeARequestIsWhatTheRequestSees() {
        long id;
        try (SessionContext ctx = db().context()) {
            User user = new User("linus");
            db().session().persist(user);
            db().commit();
            id = user.getId();
        }
        BlogClient blog = new BlogClient(APP, "");
        assertThat(blog.get(blog.user(id)).json().get("name").asText()).isEqualTo("linus");
    }
}
