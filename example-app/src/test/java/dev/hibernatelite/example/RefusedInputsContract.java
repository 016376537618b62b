package dev.hibernatelite.example;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.codahale.metrics.Gauge;
import dev.hibernatelite.testfixtures.Eventually;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refused-inputs table ({@link RefusedInput}) over HTTP on one database: each input answers
 * its 4xx in the expected shape, writes nothing, gives its connection back, and logs no ERROR
 * and no stack trace. Subclasses start the blog (sync and async engines on one database).
 */
abstract class RefusedInputsContract {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private long author;

    /** @return the running blog */
    abstract DropwizardAppExtension<BlogConfig> app();

    /** @return the database's JDBC URL, to count rows and connections */
    abstract String jdbcUrl();

    /** @return the SQL that counts the test database's connections that are busy or in a transaction */
    abstract String busyConnectionsQuery();

    @BeforeEach
    void anAuthorAndALog() {
        author = new BlogClient(app(), "").newUser(BlogClient.uniqueName("author"));
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void detachTheLog() {
        root.detachAppender(log);
        log.stop();
    }

    void answersItsRefusal(RefusedInput input) {
        long users = count("users");
        long posts = count("posts");

        Answer answer = send(input);

        System.out.println("REFUSED " + input + " -> " + answer.status() + " " + answer.json());
        assertThat(answer.status()).as("%s: %s", input, answer.json()).isEqualTo(input.status());
        assertShape(input, answer.json());
        assertThat(count("users")).as("users after %s", input).isEqualTo(users);
        assertThat(count("posts")).as("posts after %s", input).isEqualTo(posts);
        Eventually.await("the pool's connections back, nothing busy on the server", Duration.ofSeconds(10),
                () -> activeConnections() == 0 && busyConnections() == 0,
                () -> "active=" + activeConnections() + ", busy on the server=" + busyConnections());
        List<ILoggingEvent> loud = List.copyOf(log.list).stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null).toList();
        assertThat(loud).as("ERROR lines or stack traces after %s", input)
                .extracting(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).isEmpty();
    }

    private static void assertShape(RefusedInput input, JsonNode json) {
        assertThat(json).as("a JSON body").isNotNull();
        switch (input.by()) {
            case DATABASE -> {
                assertThat(json.get("code").asInt()).isEqualTo(input.status());
                assertThat(json.get("entity").asText()).isEqualTo(input.entity());
                assertThat(json.get("property").asText()).isEqualTo(input.property());
                String message = json.get("message").asText();
                assertThat(message).contains(input.entity() + "." + input.property())
                        .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert ")
                        .doesNotContain("\u0000").doesNotContain("\uD83D").doesNotContain("\uD834")
                        .doesNotContain("300000").doesNotContain("5000");
            }
            case VALIDATION -> assertThat(json.get("errors").isArray()).as("%s", json).isTrue();
            case APPLICATION -> {
                assertThat(json.get("code").asInt()).isEqualTo(input.status());
                assertThat(json.get("message").isTextual()).isTrue();
            }
        }
    }

    record Answer(int status, JsonNode json) {
    }

    private Answer send(RefusedInput input) {
        String url = "http://localhost:" + app().getLocalPort() + input.path().replace("{author}", String.valueOf(author))
                + (input.query() == null ? "" : "?" + input.query());
        Invocation.Builder request = app().client().target(url).request();
        try (Response response = input.method().equals("GET") ? request.get()
                : request.post(Entity.json(input.body()))) {
            return new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(JsonNode.class) : null);
        }
    }

    long activeConnections() {
        Gauge<?> gauge = app().getEnvironment().metrics().getGauges().get("hibernate-lite.default.pool.ActiveConnections");
        assertThat(gauge).as("the pool's active-connections gauge").isNotNull();
        return ((Number) gauge.getValue()).longValue();
    }

    long busyConnections() {
        return query(busyConnectionsQuery());
    }

    long count(String table) {
        return query("select count(*) from " + table);
    }

    private long query(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
