package dev.hibernatelite.bench.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.text.ParseException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the run asks the application between measurements (never during one): connections
 * borrowed so far and the pool's own timers where it keeps them ({@code GET /bench/info}), and a
 * JDK Flight Recorder recording with the JDK's {@code profile} settings (CPU samples every 2 ms) around a profiling run
 * ({@code POST /bench/jfr/start}, {@code POST /bench/jfr/stop?file=...}).
 */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchInfoResource {
    private final Supplier<Map<String, Object>> info;
    private Recording recording;

    public BenchInfoResource(Supplier<Map<String, Object>> info) {
        this.info = info;
    }

    @GET
    @Path("info")
    public Map<String, Object> info() {
        return info.get();
    }

    @POST
    @Path("jfr/start")
    public synchronized Map<String, Object> startRecording() throws IOException, ParseException {
        if (recording != null) {
            recording.close();
        }
        recording = new Recording(Configuration.getConfiguration("profile"));
        // Java samples every 2 ms instead of the profile's 10 ms: a few seconds of load then give
        // enough samples to tell components apart.
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
        recording.setToDisk(true);
        recording.start();
        return Map.of("recording", true);
    }

    @POST
    @Path("jfr/stop")
    public synchronized Map<String, Object> stopRecording(@QueryParam("file") String file) throws IOException {
        if (recording == null) {
            return Map.of("recording", false);
        }
        recording.stop();
        recording.dump(java.nio.file.Path.of(file));
        recording.close();
        recording = null;
        return Map.of("recording", false, "file", file);
    }
}
