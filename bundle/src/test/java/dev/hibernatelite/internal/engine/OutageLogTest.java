package dev.hibernatelite.internal.engine;

import dev.hibernatelite.fixtures.CapturedLogs;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage's log: one line down, at most one summary per interval, one line back. */
class OutageLogTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final OutageLog log = new OutageLog("reports", "jdbc:postgresql://db:5432/r?password=s3cret", 60_000,
            now::get);

    @Test
    void aLongOutageWritesOneSummaryPerIntervalAndNoneBetween() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            log.down("PSQLException: Connection refused", false);
            long start = now.get();
            for (int second = 1; second <= 150; second++) {
                now.set(start + TimeUnit.SECONDS.toNanos(second));
                log.stillDown(start, second * 10L, "PSQLException: Connection refused");
            }
            log.back(150_000, 1_500);

            assertThat(logs.containing("HL405")).singleElement().asString()
                    .contains("engine 'reports'").contains("password=****").doesNotContain("s3cret");
            assertThat(logs.containing("HL406")).hasSize(2).first().asString()
                    .contains("still down after 60 s; 600 requests answered 503");
            assertThat(logs.containing("HL407")).singleElement().asString()
                    .contains("after 150.0 s down; 1500 requests answered 503");
        }
    }
}
