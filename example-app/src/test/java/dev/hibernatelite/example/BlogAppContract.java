package dev.hibernatelite.example;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the blog does on every database: the smoke set that each engine's test class inherits.
 * Subclasses start the application and hand it over through {@link #app()}; those that test the
 * async twins of the user routes say where they live through {@link #prefix()}.
 */
abstract class BlogAppContract {
    /** @return the running application */
    protected abstract DropwizardAppExtension<BlogConfig> app();

    /** @return what the user routes' paths start with: nothing for {@code /users}, {@code /async} for the async ones */
    protected String prefix() {
        return "";
    }

    protected BlogClient blog() {
        return new BlogClient(app(), prefix());
    }

    @Test
    void creatingAUserAnswers201WithTheUserAndWhereItLives() {
        String name = BlogClient.uniqueName("ada");

        BlogClient.Answer created = blog().createUser(name);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name);
        assertThat(created.json().fieldNames()).toIterable().containsExactly("id", "name");
        assertThat(created.location()).isEqualTo(blog().url(blog().user(created.id())));
    }

    @Test
    void aCreatedUserIsListed() {
        String name = BlogClient.uniqueName("grace");
        long id = blog().newUser(name);

        BlogClient.Answer list = blog().get(blog().users());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.each("name")).contains(name);
        assertThat(list.each("id")).contains(String.valueOf(id));
    }

    @Test
    void aPostIsListedUnderItsAuthorWithTheAuthor() {
        String name = BlogClient.uniqueName("edsger");
        long userId = blog().newUser(name);
        long postId = blog().newPost(userId, "Go To Statement Considered Harmful");

        BlogClient.Answer posts = blog().get(blog().postsOf(userId));

        assertThat(posts.status()).isEqualTo(200);
        assertThat(posts.each("id")).containsExactly(String.valueOf(postId));
        assertThat(posts.json().get(0).get("author").get("name").asText()).isEqualTo(name);
    }

    @Test
    void anUnknownUserIsNotFound() {
        BlogClient.Answer missing = blog().get(blog().user(987654321L));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).isEqualTo("There is no user 987654321.");
    }
}
