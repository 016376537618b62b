package dev.hibernatelite.example;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's HTTP API as the tests call it, over real HTTP, with answers read as JSON trees. The
 * user routes live under a prefix: none for {@code /users}, {@code /async} for their async twins.
 */
final class BlogClient {
    private final DropwizardAppExtension<BlogConfig> app;
    private final String prefix;

    BlogClient(DropwizardAppExtension<BlogConfig> app, String prefix) {
        this.app = app;
        this.prefix = prefix;
    }

    /** A name no other test uses, so tests never depend on each other's data. */
    static String uniqueName(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An answer: its status, its Location header (or null) and its body (or null). */
    record Answer(int status, String location, JsonNode json) {
        /** The body's {@code id}. */
        long id() {
            assertThat(json != null && json.has("id")).as("an id in %s (status %s)", json, status).isTrue();
            return json.get("id").asLong();
        }

        /** The body's {@code createdAt}, parsed; fails unless it is an ISO-8601 instant string. */
        Instant createdAt() {
            JsonNode createdAt = json.path("createdAt");
            assertThat(createdAt.isTextual()).as("createdAt is written as a string: %s", createdAt).isTrue();
            return Instant.parse(createdAt.asText());
        }

        /** The body's array elements' values of {@code field}, in order. */
        List<String> each(String field) {
            assertThat(json.isArray()).as("an array: %s", json).isTrue();
            List<String> values = new ArrayList<>();
            json.forEach(element -> values.add(element.get(field).asText()));
            return values;
        }
    }

    Answer get(String path) {
        return answer(target(path).request().get());
    }

    Answer post(String path, Map<String, ?> body) {
        return answer(target(path).request().post(Entity.json(body)));
    }

    /** @return the path of the user list, {@code /users} under the prefix */
    String users() {
        return prefix + "/users";
    }

    /** @return the path of one user */
    String user(long id) {
        return users() + "/" + id;
    }

    /** @return the path of one user's posts */
    String postsOf(long userId) {
        return user(userId) + "/posts";
    }

    Answer createUser(String name) {
        return post(users(), Map.of("name", name));
    }

    Answer createPost(long userId, String title, String body) {
        return post(postsOf(userId), Map.of("title", title, "body", body));
    }

    /** Creates a user, failing unless that succeeds; returns its id. */
    long newUser(String name) {
        Answer answer = createUser(name);
        assertThat(answer.status()).as("creating user %s: %s", name, answer.json()).isEqualTo(201);
        return answer.id();
    }

    /** Writes a post, failing unless that succeeds; returns the answer. */
    Answer writePost(long userId, String title, String body) {
        Answer answer = createPost(userId, title, body);
        assertThat(answer.status()).as("writing post %s: %s", title, answer.json()).isEqualTo(201);
        return answer;
    }

    /** Writes a post, failing unless that succeeds; returns its id. */
    long newPost(long userId, String title) {
        return writePost(userId, title, "The body of " + title).id();
    }

    /** A URL path, resolved against the running application. */
    String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    private WebTarget target(String path) {
        return app.client().target(url(path));
    }

    private static Answer answer(Response response) {
        try (response) {
            String location = response.getHeaderString("Location");
            JsonNode json = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
            return new Answer(response.getStatus(), location, json);
        }
    }
}
