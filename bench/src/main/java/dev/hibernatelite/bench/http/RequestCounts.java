package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchDatabase;
import dev.hibernatelite.bench.BenchSettings;
import dev.hibernatelite.bench.app.BenchApp;
import dev.hibernatelite.testfixtures.PgWireCounter;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What each family asks of PostgreSQL per request, exactly: every application runs behind its
 * own {@link PgWireCounter} relay (and a second one in front of the standby for a family reading
 * from it), then gets sequential requests, one route at a time; the relays count round trips
 * (waits for the server) and statements, the application counts the connections it borrowed. Also
 * checks that every family answers the same JSON.
 */
public final class RequestCounts {
    private static final long SETTLE_MILLIS = 300;
    /** The sample that holds the status of {@code GET} on a missing id. */
    public static final String MISSING_STATUS = "GET /items/999999999 (status)";

    private RequestCounts() {
    }

    /**
     * Per request, on one route.
     *
     * @param roundTrips waits for a server (the primary and the standby together)
     * @param statements statements executed, by kind (BEGIN, SELECT, INSERT, COMMIT, ROLLBACK, other)
     * @param borrows connections borrowed from the pools
     * @param replicaRoundTrips of the round trips, those to the standby (the bundle's lag check, one
     *        query a second, included)
     * @param parses statements the server was asked to parse (Parse messages, on the primary and the
     *        standby): 0 once the driver executes server-side prepared statements, 1 or more per
     *        statement when it may not (PgBouncer's transaction pooling); null in data written before it was counted
     */
    public record PerRequest(double roundTrips, Map<String, Double> statements, double borrows,
                             double replicaRoundTrips, Double parses) {
    }

    /** One family's counts and sample answers (request → body, or status for the missing id). */
    public record FamilyCounts(String family, Map<Endpoint, PerRequest> perRequest, Map<String, String> samples) {
    }

    /**
     * Counts one application after the other (each stopped before the next starts).
     *
     * @param families what to count
     * @param db the benchmark database (and its standby)
     * @param poolSize pool size
     * @param requests requests per route (after as many again to warm up)
     * @param workDir logs and YAML
     */
    public static List<FamilyCounts> measure(List<Family> families, BenchDatabase db, int poolSize, int requests,
                                             Path workDir) throws Exception {
        String url = db.url();
        List<FamilyCounts> result = new ArrayList<>();
        for (Family f : families) {
            String replica = f.replicas() ? db.replicaUrl() : null;
            try (PgWireCounter relay = new PgWireCounter(BenchSettings.host(url), BenchSettings.port(url), 0);
                 PgWireCounter replicaRelay = replica == null ? null
                         : new PgWireCounter(BenchSettings.host(replica), BenchSettings.port(replica), 0);
                 AppProcess app = AppProcess.start(f, BenchSettings.redirect(url, relay.port(), ""),
                         replica == null ? null : BenchSettings.redirect(replica, replicaRelay.port(), ""), poolSize,
                         BenchApp.BASE_ENTITIES, workDir.resolve("counts"), List.of())) {
                app.awaitReady(180);
                result.add(measure(app, relay, replicaRelay, requests));
                System.out.printf(Locale.ROOT, "   %-28s %s%n", f.id(), result.get(result.size() - 1).perRequest());
            }
        }
        return result;
    }

    private static FamilyCounts measure(AppProcess app, PgWireCounter relay, PgWireCounter replicaRelay, int requests)
            throws Exception {
        Map<Endpoint, PerRequest> per = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            for (int n = 0; n < requests; n++) {
                send(app, e, n);
            }
            // The bundle ends a request's transaction after the response is written: let the last
            // request's ROLLBACK arrive before resetting, and after the measured requests.
            Thread.sleep(SETTLE_MILLIS);
            long borrowsBefore = app.borrows();
            relay.reset();
            if (replicaRelay != null) {
                replicaRelay.reset();
            }
            for (int n = 0; n < requests; n++) {
                send(app, e, n);
            }
            Thread.sleep(SETTLE_MILLIS);
            PgWireCounter.Counts c = relay.counts();
            PgWireCounter.Counts rc = replicaRelay == null ? null : replicaRelay.counts();
            long borrows = app.borrows() - borrowsBefore;
            Map<String, Double> kinds = kinds(c, requests);
            long replicaRoundTrips = 0;
            long parses = c.parses();
            if (rc != null) {
                kinds(rc, requests).forEach((k, v) -> kinds.merge(k, v, Double::sum));
                replicaRoundTrips = rc.roundTrips();
                parses += rc.parses();
            }
            per.put(e, new PerRequest((double) (c.roundTrips() + replicaRoundTrips) / requests, kinds,
                    (double) borrows / requests, (double) replicaRoundTrips / requests, (double) parses / requests));
        }
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("GET /items/1", app.request("GET", "/items/1", null).body());
        samples.put("GET /items?after=0&limit=20", app.request("GET", "/items?after=0&limit=20", null).body());
        samples.put("GET /items/1/parts", app.request("GET", "/items/1/parts", null).body());
        samples.put("GET /items/10000/parts", app.request("GET", "/items/10000/parts", null).body());
        samples.put("POST /items", app.request("POST", "/items", insertBody(0))
                .body().replaceAll("\"id\":\\d+", "\"id\":<new>"));
        samples.put(MISSING_STATUS, Integer.toString(app.request("GET", "/items/999999999", null).statusCode()));
        samples.put("GET /ping", app.request("GET", "/ping", null).body());
        return new FamilyCounts(app.family().id(), per, samples);
    }

    private static void send(AppProcess app, Endpoint e, int n) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        HttpResponse<String> response = switch (e) {
            case READ -> app.request("GET", "/items/" + r.nextInt(1, 10_001), null);
            case LIST -> app.request("GET", "/items?after=" + r.nextInt(0, 9_980) + "&limit=20", null);
            case PARTS -> app.request("GET", "/items/" + r.nextInt(1, 10_001) + "/parts", null);
            case INSERT -> app.request("POST", "/items", insertBody(n));
            case PING -> app.request("GET", "/ping", null);
        };
        if (response.statusCode() != 200) {
            throw new IllegalStateException(app.family().id() + " " + e + ": HTTP " + response.statusCode() + " "
                    + response.body() + " (see " + app.log() + ")");
        }
    }

    static String insertBody(int n) {
        return "{\"name\":\"count-" + n + "\",\"description\":\"Inserted by the benchmark, thread 0, request " + n
                + ".\",\"priceCents\":" + (100 + n) + ",\"stock\":" + (n % 100) + "}";
    }

    private static Map<String, Double> kinds(PgWireCounter.Counts c, int requests) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (String k : List.of("BEGIN", "SELECT", "INSERT", "UPDATE", "COMMIT", "ROLLBACK", "other")) {
            kinds.put(k, 0.0);
        }
        c.executedByText().forEach((sql, n) -> {
            String first = sql.replaceFirst("^/\\*.*?\\*/\\s*", "").split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            String kind = kinds.containsKey(first) ? first : "other";
            kinds.merge(kind, (double) n / requests, Double::sum);
        });
        kinds.values().removeIf(v -> v == 0.0);
        return kinds;
    }
}
