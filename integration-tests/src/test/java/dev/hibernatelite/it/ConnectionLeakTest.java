package dev.hibernatelite.it;

import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Http;
import dev.hibernatelite.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever mix of outcomes requests have, every borrowed connection goes back to the pool and
 * every session's uncommitted work is rolled back: successes, exceptions, 404s, async
 * resources, and clients that hang up mid-request.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.hibernatelite.it.support.Scenario.class)
class ConnectionLeakTest extends ProbeAppTest {
    private static final int CLIENTS = 50;
    private static final int REQUESTS_PER_CLIENT = 12;

    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    @Test
    void fiftyConcurrentClientsWithEveryKindOfOutcomeLeaveNoConnectionBorrowed() throws Exception {
        Http http = http();
        String seed = unique("seed");
        String seedId = http.post("/notes/committed?text=" + encode(seed)).body().replaceAll("\\D+", "");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger aborted = new AtomicInteger();
        List<String> uncommitted = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    start.await();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        String text = unique("c" + client + "r" + r);
                        int kind = (client + r) % REQUESTS_PER_CLIENT;
                        if (kind == 11) {
                            // hangs up before the answer: a timeout far below the request's duration
                            try {
                                HttpResponse<String> answered = http.getAsync("/notes", Duration.ofMillis(1)).join();
                                // the server was faster than the client's timeout: an ordinary answer
                                statuses.computeIfAbsent(answered.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            } catch (RuntimeException e) {
                                aborted.incrementAndGet();
                            }
                            continue;
                        }
                        HttpResponse<String> response = switch (kind) {
                            case 0 -> http.get("/notes");
                            case 1 -> http.get("/notes/" + seedId);
                            case 2 -> http.get("/notes/999999999");
                            case 3 -> http.get("/throws");
                            case 4 -> http.post("/notes/committed?text=" + encode(text));
                            case 5 -> record(uncommitted, text, http.post("/notes/uncommitted?text=" + encode(text)));
                            case 6 -> http.post("/notes/annotated?text=" + encode(text));
                            case 7 -> record(uncommitted, text,
                                    http.post("/notes/annotated-then-conflict?text=" + encode(text)));
                            case 8 -> http.get("/async/notes/" + seedId);
                            case 9 -> http.post("/suspended/notes?text=" + encode(text));
                            default -> record(uncommitted, text, http.post("/suspended/fail?text=" + encode(text)));
                        };
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        pool().awaitIdle();
        assertThat(pool().active()).isZero();
        assertThat(statuses.keySet()).contains(200, 201, 404, 409, 500);
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum() + aborted.get())
                .isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        for (String text : uncommitted) {
            assertThat(countNotes(text)).as("uncommitted note %s", text).isZero();
        }
    }

    private static HttpResponse<String> record(List<String> texts, String text, HttpResponse<String> response) {
        texts.add(text);
        return response;
    }

    @Test
    void aClientThatHangsUpMidRequestLeavesNoSessionOpenAndItsWorkRolledBack() throws Exception {
        String text = unique("hung-up");
        probe().slow().hold();
        CompletableFuture<HttpResponse<String>> call;
        try {
            call = http().getAsync("/slow?text=" + encode(text), Duration.ofMillis(500));
            assertThat(probe().slow().awaitArrivals(1, 10)).as("the request reached the resource").isTrue();
            assertThat(call).failsWithin(Duration.ofSeconds(10));
            assertThat(pool().active()).as("the held request still has its connection").isEqualTo(1);
        } finally {
            probe().slow().release();
        }
        pool().awaitIdle();
        assertThat(countNotes(text)).isZero();
    }
}
