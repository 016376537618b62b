package dev.hibernatelite.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the blog against a real PostgreSQL database (a fresh one for this class): the
 * user routes of {@link BlogAppRoutesContract}, the smoke set of {@link BlogAppContract}, and
 * {@code /posts}. Tests share the database, so each makes its own users.
 */
class BlogAppPostgresTest extends BlogAppRoutesContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    // Registered as an extension only (not also through DropwizardExtensionsSupport): then JUnit
    // stops the application before it drops the database, in the reverse of this order.
    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url));

    @Override
    protected DropwizardAppExtension<BlogConfig> app() {
        return APP;
    }

    @Test
    void theApplicationUnderTestUsesThePostgreSqlDatabase() {
        assertThat(APP.getConfiguration().getEngines().get("default").getUrl()).isEqualTo(POSTGRES.url());
        assertThat(POSTGRES.url()).startsWith("jdbc:postgresql:");
    }

    @Test
    void aPostsLazyAuthorIsWrittenAfterTheResourceMethodReturned() {
        String name = BlogClient.uniqueName("lazy");
        long userId = blog().newUser(name);
        long postId = blog().newPost(userId, "Proxies");

        // GET /posts/{id} loads the post alone: its author is a proxy until Jackson writes it
        JsonNode author = blog().get("/posts/" + postId).json().path("author");

        assertThat(author.isObject()).as("author: %s", author).isTrue();
        assertThat(author.path("id").asLong()).isEqualTo(userId);
        assertThat(author.path("name").asText()).isEqualTo(name);
        assertThat(author.fieldNames()).toIterable().containsExactly("id", "name");
    }

    @Test
    void anUnknownPostIsNotFound() {
        BlogClient.Answer answer = blog().get("/posts/987654321");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("There is no post 987654321.");
    }
}
