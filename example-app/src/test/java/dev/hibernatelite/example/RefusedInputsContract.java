package dev.hibernatelite.example;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.codahale.metrics.Gauge;
import dev.hibernatelite.testfixtures.Eventually;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refused-inputs table ({@link RefusedInput}) over HTTP on one database: each input answers
 * its 4xx in the expected shape, writes nothing, gives its connection back, and logs no ERROR
 * and no stack trace; and clients racing for one name get one 201 and only 409s. Subclasses
 * start the blog (sync and async engines on one database).
 */
abstract class RefusedInputsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSALS_LOGGER = "dev.hibernatelite.internal.web.DatabaseRefusals";
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
        List<String> info = List.copyOf(log.list).stream()
                .filter(e -> e.getLoggerName().equals(REFUSALS_LOGGER) && e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).toList();
        if (input.by() == RefusedInput.By.DATABASE) {
            assertThat(info).as("the INFO lines of %s", input).singleElement().asString()
                    .startsWith("HL460: ").contains(input.entity() + "." + input.property()).doesNotContain("\n")
                    .doesNotContain("\u0000").doesNotContain("\uD83D").doesNotContain("\uD834");
            assertThat(List.copyOf(log.list)).as("the DEBUG detail of %s", input)
                    .anyMatch(e -> e.getLoggerName().equals(REFUSALS_LOGGER) && e.getLevel() == Level.DEBUG);
        } else {
            assertThat(info).as("the INFO lines of %s", input).isEmpty();
        }
    }

    /**
     * Clients released together by a barrier, each with its own HTTP client, all create a user of
     * the same name, round after round: in each round one gets 201 and every other 409, either
     * from the example's own check or, when two passed it at once, from the unique constraint
     * (the body names it). Rounds go on until the constraint has answered at least once.
     */
    void racingClientsGetOneCreatedAndOnlyConflicts(String prefix) throws Exception {
        int clients = 8;
        int maxRounds = 25;
        int created = 0;
        int checked = 0;
        int byConstraint = 0;
        int rounds = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            while (rounds < maxRounds && (byConstraint == 0 || rounds < 3)) {
                rounds++;
                String name = BlogClient.uniqueName("race");
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> createAt(prefix, name, start)));
                }
                int roundCreated = 0;
                for (Future<Answer> future : answers) {
                    Answer answer = future.get(30, TimeUnit.SECONDS);
                    assertThat(answer.status()).as("%s in round %d", answer.json(), rounds).isIn(201, 409);
                    if (answer.status() == 201) {
                        roundCreated++;
                    } else if (answer.json().has("constraint")) {
                        assertThat(answer.json().get("constraint").asText()).isEqualToIgnoringCase("uk_users_name");
                        assertThat(answer.json().get("code").asInt()).isEqualTo(409);
                        assertThat(answer.json().get("message").asText()).doesNotContain(name)
                                .doesNotContainIgnoringCase("insert ");
                        byConstraint++;
                    } else {
                        checked++;
                    }
                }
                assertThat(roundCreated).as("users created in round %d", rounds).isEqualTo(1);
                assertThat(query("select count(*) from users where name = '" + name + "'")).isEqualTo(1);
                created += roundCreated;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("SCENARIO duplicate-name race%s: %d rounds of %d clients: %d created, %d conflicts found by"
                + " the example's check, %d by the unique constraint%n", prefix, rounds, clients, created, checked,
                byConstraint);
        assertThat(byConstraint).as("conflicts answered from the unique constraint in %d rounds", rounds).isPositive();
        Eventually.await("the pool's connections back, nothing busy on the server", Duration.ofSeconds(10),
                () -> activeConnections() == 0 && busyConnections() == 0,
                () -> "active=" + activeConnections() + ", busy on the server=" + busyConnections());
        assertThat(List.copyOf(log.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                || e.getThrowableProxy() != null).map(ILoggingEvent::getFormattedMessage).toList()).isEmpty();
    }

    private Answer createAt(String prefix, String name, CyclicBarrier start) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app().getLocalPort() + prefix
                        + "/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name))))
                .build();
        start.await(30, TimeUnit.SECONDS);
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
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

    long query(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
