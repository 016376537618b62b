package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.it.support.Pools;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * The probe application running on a fresh database of a real server; subclasses pick the
 * server. After every test no connection may stay borrowed.
 */
abstract class ProbeAppTest {
    static DropwizardAppExtension<ProbeConfig> probeApp(TestDatabase database) {
        return new DropwizardAppExtension<>(ProbeApp.class, ResourceHelpers.resourceFilePath("probe.yml"),
                ConfigOverride.config("engines.default.url", database::url));
    }

    abstract DropwizardAppExtension<ProbeConfig> app();

    Http http() {
        return new Http(app().getLocalPort());
    }

    Pools pool() {
        return new Pools(app().getEnvironment().metrics(), "default", probe().db().sessionFactory());
    }

    ProbeApp probe() {
        return app().getApplication();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long countNotes(String text) {
        try (Session s = probe().db().sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(n) from Note n where n.text = :t", Long.class)
                    .setParameter("t", text).getSingleResult();
        }
    }

    /**
     * Posts a new note's text to a route, checks the status, and counts the notes with that text
     * the database then holds.
     */
    long notesAfterPosting(String route, int expectedStatus) {
        String text = unique(route.replaceAll("\\W+", "-"));
        assertThat(http().post(route + "?text=" + Http.encode(text)).statusCode()).isEqualTo(expectedStatus);
        return countNotes(text);
    }

    /** @return connections legitimately held between requests (a test isolation holds one) */
    int connectionsHeldBetweenRequests() {
        return 0;
    }

    @AfterEach
    void everyConnectionIsBackInThePool() {
        pool().awaitIdle(connectionsHeldBetweenRequests());
    }
}
