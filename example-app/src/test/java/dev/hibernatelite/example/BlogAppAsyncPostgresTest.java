package dev.hibernatelite.example;

import com.codahale.metrics.health.HealthCheck;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async twins of the user routes ({@code /async/users}, Hibernate Reactive) against a real
 * PostgreSQL database: every route and error case of {@link BlogAppRoutesContract}, answered
 * alike, plus the sync and async routes sharing one database. The engine and the async engine
 * both point at the same fresh database; the engine creates the tables at startup.
 */
class BlogAppAsyncPostgresTest extends BlogAppRoutesContract {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(ResponseThreadsBlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url),
            ConfigOverride.config("asyncEngines.default.url", POSTGRES::url),
            // a small pool: the PostgreSQL used by tests allows 100 connections in all
            ConfigOverride.config("asyncEngines.default.maxSize", "4"));

    @Override
    protected DropwizardAppExtension<BlogConfig> app() {
        return APP;
    }

    @Override
    protected String prefix() {
        return "/async";
    }

    private static BlogClient sync() {
        return new BlogClient(APP, "");
    }

    @Test
    void theAsyncEngineIsThePostgreSqlDatabaseOfTheEngine() {
        assertThat(APP.getConfiguration().getAsyncEngines()).containsOnlyKeys("default");
        assertThat(APP.getConfiguration().getAsyncEngines().get("default").getUrl()).isEqualTo(POSTGRES.url());
        assertThat(APP.getConfiguration().getEngines().get("default").getUrl()).isEqualTo(POSTGRES.url());
    }

    @Test
    void theAsyncEngineHasAHealthyHealthCheck() {
        HealthCheck.Result result = APP.getEnvironment().healthChecks().runHealthCheck("hibernate-lite.async.default");

        assertThat(result.isHealthy()).as("%s", result).isTrue();
    }

    @Test
    void theUnboundedUserListIsWrittenOffTheEventLoop() {
        blog().newUser(BlogClient.uniqueName("writer"));

        assertThat(blog().get(blog().users()).status()).isEqualTo(200);

        // on the response pool, or on Jersey's thread if the stage completed before Jersey looked
        assertThat(ResponseThreadsBlogApp.lastWriterOf(blog().users())).isNotNull().doesNotStartWith("vert.x-");
    }

    @Test
    void theSyncAndAsyncRoutesSeeEachOthersWrites() {
        String syncName = BlogClient.uniqueName("sync");
        String asyncName = BlogClient.uniqueName("async");
        long syncUser = sync().newUser(syncName);
        long asyncUser = blog().newUser(asyncName);
        long syncPost = sync().newPost(asyncUser, "written through /users");
        long asyncPost = blog().newPost(syncUser, "written through /async/users");

        for (BlogClient client : List.of(sync(), blog())) {
            assertThat(client.get(client.users()).each("name")).contains(syncName, asyncName);
            assertThat(client.get(client.user(syncUser)).json().get("name").asText()).isEqualTo(syncName);
            assertThat(client.get(client.user(asyncUser)).json().get("name").asText()).isEqualTo(asyncName);
            assertThat(client.get(client.postsOf(syncUser)).each("id")).containsExactly(String.valueOf(asyncPost));
            assertThat(client.get(client.postsOf(asyncUser)).each("id")).containsExactly(String.valueOf(syncPost));
        }
        assertThat(sync().createUser(asyncName).status()).isEqualTo(409);
        assertThat(blog().createUser(syncName).status()).isEqualTo(409);
    }

    @Test
    void concurrentAsyncRequestsEachGetTheirOwnSession() {
        String prefix = BlogClient.uniqueName("crowd");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Long>> writes = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        long userId = blog().newUser(prefix + "-" + i);
                        blog().newPost(userId, "post " + i);
                        return userId;
                    }, clients))
                    .toList();
            List<Long> users = writes.stream().map(CompletableFuture::join).toList();

            assertThat(blog().get(blog().users()).each("name").stream().filter(n -> n.startsWith(prefix)))
                    .hasSize(32);
            for (long userId : users) {
                assertThat(blog().get(blog().postsOf(userId)).json()).hasSize(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
