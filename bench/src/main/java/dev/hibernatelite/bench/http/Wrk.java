package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives an application with wrk (closed loop: a fixed number of connections, each sending its next
 * request when the previous answer arrived) for a fixed time, and reads wrk's result from the
 * {@code WRK-RESULT} line the scripts print.
 */
public final class Wrk {
    private final Path scripts;
    private final int threads;
    private final int connections;

    /**
     * @param workDir where the scripts are written
     * @param threads wrk threads
     * @param connections concurrent connections (the concurrency)
     */
    public Wrk(Path workDir, int threads, int connections) throws IOException {
        this.scripts = workDir.resolve("wrk");
        this.threads = threads;
        this.connections = connections;
        Files.createDirectories(scripts);
        String common = resource("common.lua");
        for (Endpoint e : Endpoint.values()) {
            Files.writeString(scripts.resolve(e.script() + ".lua"), common + "\n" + resource(e.script() + ".lua"));
        }
    }

    /** @return the wrk version line, or why there is none */
    public static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("?").trim();
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    public int connections() {
        return connections;
    }

    public int threads() {
        return threads;
    }

    /**
     * One wrk run's figures, as the scripts print them (JSON after {@code WRK-RESULT }); latencies in
     * microseconds, {@code errorsStatus} counts HTTP statuses of 400 and above.
     */
    public record Result(long requests, long durationMicros, long bytes, long errorsConnect, long errorsRead,
                         long errorsWrite, long errorsStatus, long errorsTimeout, long p50Micros, long p90Micros,
                         long p99Micros, long p999Micros, double meanMicros, long maxMicros) {
        public double throughput() {
            return durationMicros == 0 ? 0 : requests / (durationMicros / 1e6);
        }

        public long errors() {
            return errorsConnect + errorsRead + errorsWrite + errorsStatus + errorsTimeout;
        }
    }

    /**
     * @param baseUrl the application
     * @param endpoint the route
     * @param seconds how long
     * @param rows the seeded rows the read scripts pick from
     */
    public Result run(String baseUrl, Endpoint endpoint, int seconds, int rows) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", scripts.resolve(endpoint.script() + ".lua").toString(), baseUrl));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BENCH_ROWS", Integer.toString(rows));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + out);
        }
        String line = out.lines().filter(l -> l.startsWith("WRK-RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from wrk (exit " + p.exitValue() + "): " + out));
        return Json.read(line.substring("WRK-RESULT ".length()), Result.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /wrk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
