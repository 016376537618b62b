package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchSettings;
import dev.hibernatelite.bench.Json;
import dev.hibernatelite.bench.app.BenchApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code BenchApp} JVM, started by the run and always stopped by it: its output goes to a log
 * file; {@link #awaitReady} waits for the {@code BENCH-READY} line (JSON, read with Jackson). Every
 * application gets the same JVM options.
 */
public final class AppProcess implements AutoCloseable {
    /** The JVM options of every application. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
            // JFR keeps 64 frames by default: a Jetty + Jersey + Hibernate stack is deeper, and the
            // profile would lose the frames that say which component a sample belongs to
            "-XX:FlightRecorderOptions:stackdepth=256");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Family family;
    private final int port;
    private final Process process;
    private final long startedNanos;
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();
    private final Path log;

    private AppProcess(Family family, int port, Process process, long startedNanos, Path log) {
        this.family = family;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /**
     * @param family what to run
     * @param databaseUrl the database it uses
     * @param replicaUrl the standby's database, for a family that reads from one; else null
     * @param poolSize its pool size
     * @param entities {@code bench.entities}
     * @param workDir where its YAML and log go
     * @param extraJvmOptions more JVM options (a profiler), or none
     */
    public static AppProcess start(Family family, String databaseUrl, String replicaUrl, int poolSize, int entities,
                                   Path workDir, List<String> extraJvmOptions) throws IOException {
        int port = freePort();
        Files.createDirectories(workDir);
        Path yaml = workDir.resolve(family.id() + "-" + port + ".yml");
        // Each application's connections carry its name, so that its PostgreSQL backends can be found.
        String name = "ApplicationName=" + applicationName(family);
        Files.writeString(yaml, family.yaml(BenchSettings.withParameters(databaseUrl, name),
                replicaUrl == null ? null : BenchSettings.withParameters(replicaUrl, name), port, poolSize));
        Path log = workDir.resolve(family.id() + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        command.add("-D" + BenchApp.MODE + "=" + family.mode());
        command.add("-D" + BenchApp.ENTITIES + "=" + entities);
        if (family.routes() != null) {
            command.add("-D" + BenchApp.ROUTES + "=" + family.routes());
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchApp.class.getName());
        command.add("server");
        command.add(yaml.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = pb.start();
        AppProcess app = new AppProcess(family, port, process, started, log);
        Thread reader = new Thread(app::pump, "app-output-" + family.id());
        reader.setDaemon(true);
        reader.start();
        return app;
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(BenchApp.READY)) {
                    long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                    Ready r = Json.read(line.substring(BenchApp.READY.length()), Ready.class);
                    ready.complete(new Ready(r.mode(), r.entities(), r.uptimeMs(), r.generateMs(), r.databaseSetupMs(),
                            wallMillis));
                }
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.completeExceptionally(new IllegalStateException(family.id() + " exited before it was ready, see " + log));
        }
    }

    /**
     * The line an application prints when it serves ({@code BENCH-READY {...}}), and how long it took.
     *
     * @param mode the route family
     * @param entities entity classes mapped
     * @param uptimeMs JVM uptime when the server had started
     * @param generateMs of that, the time spent generating entity classes (not startup)
     * @param databaseSetupMs time in the database bundle's run, or in the hand-wired setup
     * @param wallMs from launching the JVM to that line, measured by the run
     */
    public record Ready(String mode, int entities, long uptimeMs, long generateMs, long databaseSetupMs, long wallMs) {
    }

    /**
     * What {@code GET /bench/info} says: connections borrowed so far, and the pool's own timers where
     * it keeps them (HikariCP with a MetricRegistry; the busiest pool's), else null; the bundle's
     * borrows so far by pool ({@code hibernate-lite.default}, {@code .read}, {@code .replica-1}),
     * else null.
     */
    public record Info(long borrows, Double poolWaitMeanMicros, Double poolWaitP99Micros, Double poolUsageMeanMillis,
                       Double poolUsageP99Millis, java.util.Map<String, Long> poolBorrows) {
    }

    /**
     * @param timeoutSeconds how long to wait
     * @return the application's startup line
     */
    public Ready awaitReady(long timeoutSeconds) throws Exception {
        try {
            return ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(family.id() + " not ready after " + timeoutSeconds + " s, see " + log);
        }
    }

    /** @return the {@code ApplicationName} the application's connections carry */
    public static String applicationName(Family family) {
        return "bench-" + family.id();
    }

    /** @return CPU milliseconds the application's JVM has used so far, or -1 */
    public double cpuMillis() {
        return CpuClock.processMillis(process.pid());
    }

    /** @return CPU milliseconds the application's JIT compiler threads have used, or -1 */
    public double jitMillis() {
        return CpuClock.jitMillis(process.pid());
    }

    public Family family() {
        return family;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** @return the base URL */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** GET (or POST with a JSON body) on the application; the status and body. */
    public HttpResponse<String> request(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return what {@code GET /bench/info} says now */
    public Info info() throws IOException, InterruptedException {
        return Json.read(request("GET", "/bench/info", null).body(), Info.class);
    }

    /** @return connections the application borrowed from its pool so far */
    public long borrows() throws IOException, InterruptedException {
        return info().borrows();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
