package ${package};

import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolationExtension;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service on a real PostgreSQL (HIBERNATE_LITE_TEST_POSTGRES_URL, else a container, else an
 * embedded one), its schema from the migrations; what each test writes, over HTTP too, is undone
 * after it.
 */
class TodoResourceTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres().migrated();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<TodoConfig> APP = new DropwizardAppExtension<>(TodoApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("engines.default.url", POSTGRES::url));

    @RegisterExtension
    @Order(2)
    final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<TodoApp>getApplication().db());

    private List<Map<String, Object>> todos() {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/todos").request()
                .get(new GenericType<List<Map<String, Object>>>() { });
    }

    @Test
    void aTodoPostedIsListed() {
        Map<String, Object> created = APP.client().target("http://localhost:" + APP.getLocalPort() + "/todos").request()
                .post(Entity.json(Map.of("title", "write the first test")), new GenericType<Map<String, Object>>() { });

        assertEquals("write the first test", created.get("title"));
        assertEquals(List.of("write the first test"), todos().stream().map(todo -> todo.get("title")).toList());
    }

    @Test
    void everyTestStartsWithoutTheTodosOthersWrote() {
        assertEquals(List.of(), todos());
    }
}
