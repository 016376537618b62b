package dev.hibernatelite.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.it.support.LogCapture;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.util.Duration;
import org.eclipse.jetty.util.component.LifeCycle;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** The same request contexts on real MariaDB, and the defaults that matter for the MySQL family. */
class MariaDbTest extends ProbeAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase MARIADB = TestDatabase.mariadb();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(MARIADB);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void committedWorkIsKeptAndUncommittedWorkIsRolledBack() {
        String kept = unique("kept");
        String lost = unique("lost");
        assertThat(http().post("/notes/committed?text=" + encode(kept)).statusCode()).isEqualTo(200);
        assertThat(http().post("/notes/uncommitted?text=" + encode(lost)).statusCode()).isEqualTo(200);
        assertThat(countNotes(kept)).isEqualTo(1);
        assertThat(countNotes(lost)).isZero();
    }

    @Test
    void aReadOnlyRequestReadsAndTheDatabaseRefusesItsInsert() {
        String text = unique("read-only");
        assertThat(http().post("/notes/committed?text=" + encode(text)).statusCode()).isEqualTo(200);
        assertThat(http().get("/read-only/notes").body()).contains(text);

        String refused = unique("refused");
        HttpResponse<String> insert = http().post("/read-only/notes/jdbc-insert?text=" + encode(refused));
        // 25006: the session is held read-only by MariaDB itself, in auto-commit
        assertThat(insert.body()).contains("\"sqlState\":\"25006\"").contains("\"autoCommit\":true");
        assertThat(countNotes(refused)).isZero();
    }

    @Test
    void fourByteCharactersSurviveARoundTripThroughTheTablesTheBundleCreated() throws Exception {
        String text = unique("rocket \uD83D\uDE80 ünïcödé");
        HttpResponse<String> created = http().post("/notes/committed?text=" + encode(text));
        String id = created.body().replaceAll("\\D+", "");
        String body = http().get("/notes/" + id).body();
        assertThat(new ObjectMapper().readTree(body).get("text").asText()).isEqualTo(text);
        assertThat(countNotes(text)).isEqualTo(1);
    }

    @Test
    void connectionsTalkUtf8mb4() {
        try (SessionContext ctx = probe().db().context()) {
            Object charset = probe().db().session()
                    .createNativeQuery("SELECT @@character_set_connection", Object.class).getSingleResult();
            assertThat(charset).hasToString("utf8mb4");
        }
    }

    @Test
    void pooledConnectionsAreRetiredBeforeTheServersWaitTimeout() throws Exception {
        String url = MARIADB.url() + "&sessionVariables=wait_timeout=300";
        try (Started started = Started.with(EngineFactory.of(url))) {
            assertThat(started.pool().getMaxLifetime()).isEqualTo(270_000L);
        }
    }

    @Test
    void aConnectionAgeAboveTheServersWaitTimeoutIsWarnedAbout() throws Exception {
        String url = MARIADB.url() + "&sessionVariables=wait_timeout=300";
        EngineFactory engine = EngineFactory.builder().url(url).maxConnectionAge(Duration.minutes(10)).build();
        try (LogCapture logs = new LogCapture(); Started started = Started.with(engine)) {
            assertThat(logs.text()).contains("HL403").contains("engines.default.maxConnectionAge").contains("300s");
            assertThat(started.pool().getMaxLifetime()).isEqualTo(600_000L);
        }
    }

    /** A bundle run without a server, to read what it built. */
    private record Started(HibernateLite<ProbeConfig> db, Environment environment) implements AutoCloseable {
        static Started with(EngineFactory engine) throws Exception {
            HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder()
                    .engines(ProbeConfig::getEngines).entities(Note.class).build();
            ProbeConfig config = new ProbeConfig();
            Field engines = ProbeConfig.class.getDeclaredField("engines");
            engines.setAccessible(true);
            engines.set(config, Map.of("default", engine));
            Environment environment = new Environment("test");
            db.run(config, environment);
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.start();
            }
            return new Started(db, environment);
        }

        HikariDataSource pool() {
            SessionFactory sf = db.sessionFactory();
            try {
                return sf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                        .requireService(ConnectionProvider.class).unwrap(DataSource.class).unwrap(HikariDataSource.class);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
        }
    }
}
