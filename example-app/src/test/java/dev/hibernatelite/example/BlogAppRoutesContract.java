package dev.hibernatelite.example;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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
 * Every user route of the blog and each of its error cases, plus the smoke set of
 * {@link BlogAppContract}: inherited by the PostgreSQL test of {@code /users} and by the one of
 * its async twins under {@code /async/users}, which must answer alike. Tests share the
 * database, so each makes its own users. Posts are read back through {@code /posts}, where
 * both kinds of route say a new post lives.
 */
abstract class BlogAppRoutesContract extends BlogAppContract {
    @Test
    void usersAreListedOrderedByName() {
        String prefix = BlogClient.uniqueName("order");
        for (String name : List.of("carol", "alice", "bob")) {
            blog().newUser(prefix + "-" + name);
        }

        List<String> names = blog().get(blog().users()).each("name");

        assertThat(names.stream().filter(n -> n.startsWith(prefix)))
                .containsExactly(prefix + "-alice", prefix + "-bob", prefix + "-carol");
    }

    @Test
    void aUserIsFetchedByItsId() {
        String name = BlogClient.uniqueName("barbara");
        long id = blog().newUser(name);

        BlogClient.Answer user = blog().get(blog().user(id));

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("id").asLong()).isEqualTo(id);
        assertThat(user.json().get("name").asText()).isEqualTo(name);
        assertThat(user.json().fieldNames()).toIterable().containsExactly("id", "name");
    }

    @Test
    void aTakenNameIsRefusedWith409AndAMessageNamingIt() {
        String name = BlogClient.uniqueName("twin");
        blog().newUser(name);

        BlogClient.Answer second = blog().createUser(name);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("message").asText()).isEqualTo("A user named '" + name + "' already exists.");
    }

    @Test
    void aRefusedNameLeavesOneUserWithThatName() {
        String name = BlogClient.uniqueName("twin");
        blog().newUser(name);
        blog().createUser(name);

        assertThat(blog().get(blog().users()).each("name")).containsOnlyOnce(name);
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
        BlogClient.Answer answer = blog().post(blog().users(), body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").toString()).contains("name");
    }

    @Test
    void writingAPostAnswers201WithThePostAndWhereItLives() {
        String name = BlogClient.uniqueName("ada");
        long userId = blog().newUser(name);

        BlogClient.Answer post = blog().createPost(userId, "Notes", "On the Analytical Engine");

        assertThat(post.status()).isEqualTo(201);
        assertThat(post.json().fieldNames()).toIterable()
                .containsExactly("id", "title", "body", "createdAt", "author");
        assertThat(post.json().get("title").asText()).isEqualTo("Notes");
        assertThat(post.json().get("body").asText()).isEqualTo("On the Analytical Engine");
        assertThat(post.json().get("author").get("name").asText()).isEqualTo(name);
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

        BlogClient.Answer answer = blog().post(blog().postsOf(userId), body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(blog().get(blog().postsOf(userId)).json()).isEmpty();
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

        BlogClient.Answer posts = blog().get(blog().postsOf(userId));

        assertThat(posts.each("id")).containsExactly(String.valueOf(third), String.valueOf(second), String.valueOf(first));
        List<Instant> times = posts.each("createdAt").stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void everyListedPostCarriesItsWholeAuthor() {
        String name = BlogClient.uniqueName("author");
        long userId = blog().newUser(name);
        blog().newPost(userId, "one");
        blog().newPost(userId, "two");

        JsonNode posts = blog().get(blog().postsOf(userId)).json();

        assertThat(posts).hasSize(2);
        for (JsonNode post : posts) {
            JsonNode author = post.path("author");
            assertThat(author.fieldNames()).as("author: %s", author).toIterable().containsExactly("id", "name");
            assertThat(author.path("id").asLong()).isEqualTo(userId);
            assertThat(author.path("name").asText()).isEqualTo(name);
        }
    }

    @Test
    void aUsersPostsListHoldsOnlyThatUsersPosts() {
        long alice = blog().newUser(BlogClient.uniqueName("alice"));
        long bob = blog().newUser(BlogClient.uniqueName("bob"));
        long alicePost = blog().newPost(alice, "by alice");
        blog().newPost(bob, "by bob");

        assertThat(blog().get(blog().postsOf(alice)).each("id")).containsExactly(String.valueOf(alicePost));
    }

    @Test
    void aUserWithoutPostsHasAnEmptyList() {
        long userId = blog().newUser(BlogClient.uniqueName("quiet"));

        BlogClient.Answer posts = blog().get(blog().postsOf(userId));

        assertThat(posts.status()).isEqualTo(200);
        assertThat(posts.json()).isEmpty();
    }

    @Test
    void thePostsOfAnUnknownUserAreNotFound() {
        BlogClient.Answer answer = blog().get(blog().postsOf(987654321L));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("There is no user 987654321.");
    }
}
