package dev.hibernatelite.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every route of the blog against a real PostgreSQL database (a fresh one for this class), plus
 * the smoke set of {@link BlogAppContract}. Tests share the database, so each makes its own users.
 */
class BlogAppPostgresTest extends BlogAppContract {
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
    void usersAreListedOrderedByName() {
        String prefix = BlogClient.uniqueName("order");
        for (String name : List.of("carol", "alice", "bob")) {
            blog().newUser(prefix + "-" + name);
        }

        List<String> names = blog().get("/users").each("name");

        assertThat(names.stream().filter(n -> n.startsWith(prefix)))
                .containsExactly(prefix + "-alice", prefix + "-bob", prefix + "-carol");
    }

    @Test
    void aUserIsFetchedByItsId() {
        String name = BlogClient.uniqueName("barbara");
        long id = blog().newUser(name);

        BlogClient.Answer user = blog().get("/users/" + id);

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("id").asLong()).isEqualTo(id);
        assertThat(user.json().get("name").asText()).isEqualTo(name);
    }

    @Test
    void aTakenNameIsRefusedWith400AndAMessageNamingIt() {
        String name = BlogClient.uniqueName("twin");
        blog().newUser(name);

        BlogClient.Answer second = blog().createUser(name);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("message").asText()).isEqualTo("A user named '" + name + "' already exists.");
    }

    @Test
    void aRefusedNameLeavesOneUserWithThatName() {
        String name = BlogClient.uniqueName("twin");
        blog().newUser(name);
        blog().createUser(name);

        assertThat(blog().get("/users").each("name")).containsOnlyOnce(name);
    }

    static Stream<Map<String, Object>> invalidUsers() {
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        return Stream.of(Map.of(), nullName, Map.of("name", ""), Map.of("name", "   "),
                Map.of("name", "x".repeat(User.NAME_LENGTH + 1)));
    }

    @ParameterizedTest
    @MethodSource("invalidUsers")
    void aMissingBlankOrTooLongNameIsRefusedWith422(Map<String, Object> body) {
        BlogClient.Answer answer = blog().post("/users", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").toString()).contains("name");
    }

    @Test
    void writingAPostAnswers201WithThePostAndWhereItLives() {
        long userId = blog().newUser(BlogClient.uniqueName("ada"));

        BlogClient.Answer post = blog().createPost(userId, "Notes", "On the Analytical Engine");

        assertThat(post.status()).isEqualTo(201);
        assertThat(post.json().fieldNames()).toIterable()
                .containsExactly("id", "title", "body", "createdAt", "author");
        assertThat(post.json().get("title").asText()).isEqualTo("Notes");
        assertThat(post.json().get("body").asText()).isEqualTo("On the Analytical Engine");
        assertThat(post.location()).isEqualTo(blog().url("/posts/" + post.id()));
    }

    @Test
    void aPostsCreatedAtIsAnIso8601InstantOfNow() {
        long userId = blog().newUser(BlogClient.uniqueName("ada"));

        Instant createdAt = blog().writePost(userId, "Now", "Written just now").createdAt();

        assertThat(createdAt).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aPostReadBackIsWhatItsCreationAnswered() {
        long userId = blog().newUser(BlogClient.uniqueName("ada"));
        BlogClient.Answer created = blog().writePost(userId, "Same", "Read back unchanged");

        BlogClient.Answer read = blog().get("/posts/" + created.id());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
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
    void aLongBodyIsStoredWhole() {
        long userId = blog().newUser(BlogClient.uniqueName("verbose"));
        String body = "word ".repeat(Post.BODY_LENGTH / 5);
        long postId = blog().writePost(userId, "Long", body).id();

        assertThat(blog().get("/posts/" + postId).json().get("body").asText()).isEqualTo(body);
    }

    static Stream<Map<String, Object>> invalidPosts() {
        return Stream.of(Map.of("body", "no title"), Map.of("title", "no body"),
                Map.of("title", " ", "body", "blank title"), Map.of("title", "blank body", "body", ""),
                Map.of("title", "x".repeat(Post.TITLE_LENGTH + 1), "body", "title too long"),
                Map.of("title", "body too long", "body", "x".repeat(Post.BODY_LENGTH + 1)));
    }

    @ParameterizedTest
    @MethodSource("invalidPosts")
    void aPostWithoutATitleOrBodyOrTooLongIsRefusedWith422(Map<String, Object> body) {
        long userId = blog().newUser(BlogClient.uniqueName("careless"));

        BlogClient.Answer answer = blog().post("/users/" + userId + "/posts", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(blog().get("/users/" + userId + "/posts").json()).isEmpty();
    }

    @Test
    void aPostForAnUnknownUserIsNotFound() {
        BlogClient.Answer answer = blog().createPost(987654321L, "Orphan", "Nobody wrote this");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("There is no user 987654321.");
    }

    @Test
    void aUsersPostsAreListedNewestFirst() {
        long userId = blog().newUser(BlogClient.uniqueName("prolific"));
        long first = blog().newPost(userId, "first");
        long second = blog().newPost(userId, "second");
        long third = blog().newPost(userId, "third");

        BlogClient.Answer posts = blog().get("/users/" + userId + "/posts");

        assertThat(posts.each("id")).containsExactly(String.valueOf(third), String.valueOf(second), String.valueOf(first));
        List<Instant> times = posts.each("createdAt").stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aUsersPostsListHoldsOnlyThatUsersPosts() {
        long alice = blog().newUser(BlogClient.uniqueName("alice"));
        long bob = blog().newUser(BlogClient.uniqueName("bob"));
        long alicePost = blog().newPost(alice, "by alice");
        blog().newPost(bob, "by bob");

        assertThat(blog().get("/users/" + alice + "/posts").each("id")).containsExactly(String.valueOf(alicePost));
    }

    @Test
    void aUserWithoutPostsHasAnEmptyList() {
        long userId = blog().newUser(BlogClient.uniqueName("quiet"));

        BlogClient.Answer posts = blog().get("/users/" + userId + "/posts");

        assertThat(posts.status()).isEqualTo(200);
        assertThat(posts.json()).isEmpty();
    }

    @Test
    void thePostsOfAnUnknownUserAreNotFound() {
        assertThat(blog().get("/users/987654321/posts").status()).isEqualTo(404);
    }

    @Test
    void anUnknownPostIsNotFound() {
        BlogClient.Answer answer = blog().get("/posts/987654321");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("There is no post 987654321.");
    }
}
