package dev.hibernatelite.bench;

import dev.hibernatelite.bench.app.BenchApp;
import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.testing.PrivatePostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's figures: the bundle's application ({@code BenchApp}, mode {@code lite}, defaults as
 * shipped, logging at Dropwizard's default INFO) in a JVM of its own on a private PostgreSQL; 200
 * clients insert rows in a loop; the database is stopped for 10 s and started again. Measured: the
 * latency of the 503s after the first second of the outage, of a route without a database
 * ({@code /ping}) and of the admin health check during the outage, the application's log lines
 * from the stop to a second after the first 2xx, the time from the database accepting connections
 * again to the first 2xx, the rows answered 200 against the rows in the table, the connections the
 * server holds at the end. Writes {@code bench/results/outage.json} and prints {@code OUTAGE} lines.
 *
 * <pre>bench/run-outage-benchmark.sh [--clients 200] [--outage-seconds 10]</pre>
 */
public final class OutageBenchmark {
    private record Outcome(long start, long end, int status) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }
    }

    private OutageBenchmark() {
    }

    /**
     * @param args {@code --clients N} (200), {@code --outage-seconds N} (10)
     */
    public static void main(String[] args) throws Exception {
        int clients = intOption(args, "--clients", 200);
        int outageSeconds = intOption(args, "--outage-seconds", 10);
        Path work = Files.createDirectories(Path.of("bench", "target", "outage"));
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            postgres.start();
            createTables(postgres.url());
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path yaml = work.resolve("outage.yml");
            Files.writeString(yaml, yaml(postgres.url(), port));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(AppProcess.JVM_OPTIONS);
            command.add("-D" + BenchApp.MODE + "=lite");
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchApp.class.getName(), "server",
                    yaml.toString()));
            Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<long[]> lineTimes = Collections.synchronizedList(new ArrayList<>());
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> pump(app, lines, lineTimes, ready, work.resolve("app.log")), "app-output");
            reader.setDaemon(true);
            reader.start();
            try {
                ready.get(120, TimeUnit.SECONDS);
                run(postgres, port, clients, outageSeconds, lines, lineTimes, work);
            } finally {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static void run(PrivatePostgres postgres, int port, int clients, int outageSeconds, List<String> lines,
                            List<long[]> lineTimes, Path work) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, OutageBenchmark::daemon))
                .build();
        String base = "http://127.0.0.1:" + port;
        AtomicBoolean running = new AtomicBoolean(true);
        List<Outcome> writes = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> ping = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> health = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(clients + 2, OutageBenchmark::daemon);
        for (int c = 0; c < clients; c++) {
            threads.submit(() -> {
                while (running.get()) {
                    String body = "{\"name\":\"outage-" + sequence.incrementAndGet() + "\",\"description\":\"x\","
                            + "\"priceCents\":1,\"stock\":1}";
                    Outcome o = send(http, HttpRequest.newBuilder(URI.create(base + "/items"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                    writes.add(o);
                    if (o.status() == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            });
        }
        threads.submit(() -> loop(running, ping, () -> send(http, HttpRequest.newBuilder(URI.create(base + "/ping")).GET())));
        threads.submit(() -> loop(running, health, () -> send(http,
                HttpRequest.newBuilder(URI.create(base + "/admin/healthcheck")).GET())));

        Thread.sleep(2_000); // warm-up under load
        long baselineFrom = System.nanoTime();
        Thread.sleep(5_000); // load before the outage, measured as the baseline
        long stoppedAt = System.nanoTime();
        postgres.stop();
        Thread.sleep(TimeUnit.SECONDS.toMillis(outageSeconds));
        CompletableFuture<Long> accepting = CompletableFuture.supplyAsync(() -> firstConnection(postgres.url()));
        postgres.start();
        long acceptingAt = accepting.get(60, TimeUnit.SECONDS);
        long firstOk = 0;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); firstOk == 0 && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            firstOk = firstOkAfter(writes, acceptingAt);
        }
        Thread.sleep(3_000); // after the recovery, still under load
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
        Thread.sleep(1_000);

        long graceEnd = stoppedAt + TimeUnit.SECONDS.toNanos(1);
        List<Long> refused = sorted(writes, o -> o.status() == 503 && o.start() > graceEnd && o.end() < acceptingAt);
        List<Long> pingMillis = sorted(ping, o -> o.start() > stoppedAt && o.end() < acceptingAt);
        List<Long> healthMillis = sorted(health, o -> o.start() > stoppedAt && o.end() < acceptingAt);
        List<Long> okBefore = sorted(writes, o -> o.status() == 200 && o.start() > baselineFrom && o.end() < stoppedAt);
        List<Long> pingBefore = sorted(ping, o -> o.start() > baselineFrom && o.end() < stoppedAt);
        List<Long> healthBefore = sorted(health, o -> o.start() > baselineFrom && o.end() < stoppedAt);
        long other = writes.stream().filter(o -> o.status() != 200 && o.status() != 503).count();
        long logEnd = (firstOk == 0 ? System.nanoTime() : firstOk) + TimeUnit.SECONDS.toNanos(1);
        List<String> outageLines = new ArrayList<>();
        synchronized (lines) {
            for (int i = 0; i < lines.size(); i++) {
                long t = lineTimes.get(i)[0];
                if (t >= stoppedAt && t <= logEnd) {
                    outageLines.add(lines.get(i));
                }
            }
        }
        long rows = query(postgres.url(), "SELECT count(*) FROM bench_item WHERE name LIKE 'outage-%'");
        long connections = query(postgres.url(), "SELECT count(*) FROM pg_stat_activity WHERE backend_type ="
                + " 'client backend' AND pid <> pg_backend_pid()");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("outageSeconds", outageSeconds);
        figures.put("baselineInsertP50Millis", percentile(okBefore, 50));
        figures.put("baselineInsertP99Millis", percentile(okBefore, 99));
        figures.put("baselinePingP99Millis", percentile(pingBefore, 99));
        figures.put("baselineHealthcheckP99Millis", percentile(healthBefore, 99));
        figures.put("refused503AfterFirstSecond", refused.size());
        figures.put("refused503P50Millis", percentile(refused, 50));
        figures.put("refused503P99Millis", percentile(refused, 99));
        figures.put("refused503MaxMillis", percentile(refused, 100));
        figures.put("pingP99Millis", percentile(pingMillis, 99));
        figures.put("pingRequests", pingMillis.size());
        figures.put("healthcheckP99Millis", percentile(healthMillis, 99));
        figures.put("healthcheckRequests", healthMillis.size());
        figures.put("logLinesDuringOutage", outageLines.size());
        figures.put("firstOkAfterDatabaseAcceptsMillis", firstOk == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstOk - acceptingAt));
        figures.put("answeredOther", other);
        figures.put("rowsAnswered200", ok.get());
        figures.put("rowsInTable", rows);
        figures.put("serverConnectionsAtEnd", connections);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        Json.write(Path.of("bench", "results", "outage.json"), figures);
        figures.forEach((k, v) -> System.out.println("OUTAGE " + k + " = " + v));
        outageLines.forEach(l -> System.out.println("OUTAGE log: " + l));
        Files.write(work.resolve("outage-lines.log"), outageLines);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    }

    private static Outcome send(HttpClient http, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            int status = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return new Outcome(start, System.nanoTime(), status);
        } catch (Exception e) {
            return new Outcome(start, System.nanoTime(), -1);
        }
    }

    private static Void loop(AtomicBoolean running, List<Outcome> into, java.util.function.Supplier<Outcome> call)
            throws InterruptedException {
        while (running.get()) {
            into.add(call.get());
            Thread.sleep(10);
        }
        return null;
    }

    private static long firstConnection(String url) {
        while (true) {
            try (Connection c = DriverManager.getConnection(url)) {
                return System.nanoTime();
            } catch (Exception e) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return System.nanoTime();
                }
            }
        }
    }

    private static long firstOkAfter(List<Outcome> outcomes, long after) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status() == 200 && o.start() >= after).mapToLong(Outcome::end)
                    .min().orElse(0);
        }
    }

    private static List<Long> sorted(List<Outcome> outcomes, java.util.function.Predicate<Outcome> which) {
        synchronized (outcomes) {
            return outcomes.stream().filter(which).map(Outcome::millis).sorted().toList();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void pump(Process app, List<String> lines, List<long[]> times, CompletableFuture<Void> ready, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(BenchApp.READY)) {
                    ready.complete(null);
                }
                synchronized (lines) {
                    lines.add(line);
                    times.add(new long[] {System.nanoTime()});
                }
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (Exception e) {
            // the process ended
        } finally {
            ready.completeExceptionally(new IllegalStateException("the application exited, see " + log));
        }
    }

    private static void createTables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_item (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " name varchar(100) NOT NULL, description varchar(500), price_cents bigint NOT NULL,"
                    + " stock integer NOT NULL)");
            st.execute("CREATE TABLE bench_part (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " item_id bigint NOT NULL REFERENCES bench_item (id), name varchar(100) NOT NULL,"
                    + " quantity integer NOT NULL)");
            // zonky starts its servers with synchronous_commit=off; count commits as PostgreSQL's default makes them
            st.execute("ALTER DATABASE postgres SET synchronous_commit = on");
        }
    }

    private static long query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The application's YAML: the engine's defaults as shipped, Dropwizard's default log level (INFO). */
    private static String yaml(String url, int port) {
        return "server:\n  type: simple\n  applicationContextPath: /\n  connector:\n    type: http\n"
                + "    bindHost: 127.0.0.1\n    port: " + port + "\n  requestLog:\n    appenders: []\n"
                + "logging:\n  level: INFO\n  appenders:\n    - type: console\n      target: stderr\n"
                + "metrics:\n  reporters: []\n"
                + "engines:\n  default:\n    url: \"" + url + "\"\n";
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
