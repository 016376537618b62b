package dev.hibernatelite.internal.context;

import dev.hibernatelite.fixtures.CapturedLogs;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** HL230 is rate limited per route: one WARN, then quiet for a minute, then one saying how many were not logged. */
class UncommittedWarningsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final UncommittedWarnings warnings = new UncommittedWarnings(now::get);

    @Test
    void aRouteWarnsOnceAMinuteAndThenSaysHowManyItDidNotLog() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThat(warnings.warn("POST /notes (NoteResource.create)", "default", Set.of("Note"))).isTrue();
            now.addAndGet(UncommittedWarnings.QUIET_NANOS - 1);
            assertThat(warnings.warn("POST /notes (NoteResource.create)", "default", Set.of("Note"))).isFalse();
            assertThat(warnings.warn("POST /notes (NoteResource.create)", "default", Set.of("Note"))).isFalse();
            now.addAndGet(1);
            assertThat(warnings.warn("POST /notes (NoteResource.create)", "default", Set.of("Note"))).isTrue();

            assertThat(logs.containing("HL230")).hasSize(2);
            assertThat(logs.containing("HL230").get(1)).contains("(2 more on this route since the last warning.)");
        }
    }

    @Test
    void eachRouteHasItsOwnMinute() {
        assertThat(warnings.warn("POST /notes (NoteResource.create)", "default", Set.of("Note"))).isTrue();
        assertThat(warnings.warn("DELETE /notes/{id} (NoteResource.delete)", "default", Set.of("Note"))).isTrue();
    }
}
