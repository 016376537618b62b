package dev.hibernatelite;

import dev.hibernatelite.fixtures.CapturedLogs;
import dev.hibernatelite.fixtures.NotesConfig;
import dev.hibernatelite.fixtures.RunningBundle;
import dev.hibernatelite.testfixtures.Note;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine behind PgBouncer with no replica cannot have its read-only sessions held read-only by
 * the database: the bundle says so at startup. Needs no PgBouncer and no server (the engine starts
 * with its database unreachable), so the warning is checked on every machine; integration-tests'
 * PgBouncerTest runs the request contract through a real PgBouncer.
 */
class PgBouncerWithoutReplicasTest {
    @Test
    void anEngineBehindPgBouncerWithoutReplicasWarnsThatReadOnlyIsNotEnforced() throws Exception {
        HibernateLite<NotesConfig> db = HibernateLite.<NotesConfig>builder().engines(NotesConfig::getEngines)
                .entities(Note.class).build();
        EngineFactory engine = EngineFactory.builder().url("jdbc:postgresql://127.0.0.1:1/app").pgbouncer(true).build();

        try (CapturedLogs logs = CapturedLogs.start()) {
            RunningBundle.start(db, Map.of("default", engine)).close();

            assertThat(logs.containing("HL452")).singleElement().asString()
                    .contains("engine 'default' reaches PostgreSQL through PgBouncer and has no replicas")
                    .contains("list it under engines.default.replicas");
        }
    }
}
