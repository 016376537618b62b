package dev.hibernatelite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs JMH with its JSON result file ({@code -rf json}) and reads that file with Jackson, so what a
 * run keeps is plain data.
 */
public final class JmhJson {
    private JmhJson() {
    }

    /**
     * One benchmark × parameters, as JMH's JSON has it.
     *
     * @param benchmark the method name, without its class
     * @param params the {@code @Param} values
     * @param threads JMH threads
     * @param score the primary score
     * @param error its 99.9% confidence half-width (NaN when there were too few iterations)
     * @param unit e.g. "us/op", "ops/ms"
     * @param rawData the iterations' scores, one list per fork
     */
    public record Score(String benchmark, Map<String, String> params, int threads, double score, double error,
                        String unit, List<List<Double>> rawData) {
    }

    /**
     * @param options what to run (the result file and format are set here)
     * @param resultFile where JMH writes its JSON
     * @return the scores JMH wrote
     */
    public static List<Score> run(ChainedOptionsBuilder options, Path resultFile) throws Exception {
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        new Runner(options.resultFormat(ResultFormatType.JSON).result(resultFile.toString()).build()).run();
        return read(resultFile);
    }

    /** @return the scores in a JMH JSON result file */
    public static List<Score> read(Path file) throws Exception {
        List<Score> scores = new ArrayList<>();
        for (JsonNode b : Json.MAPPER.readTree(file.toFile())) {
            String name = b.get("benchmark").asText();
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = b.get("primaryMetric");
            List<List<Double>> raw = new ArrayList<>();
            for (JsonNode fork : primary.path("rawData")) {
                List<Double> iterations = new ArrayList<>();
                fork.forEach(i -> iterations.add(i.asDouble()));
                raw.add(iterations);
            }
            scores.add(new Score(name.substring(name.lastIndexOf('.') + 1), params, b.path("threads").asInt(1),
                    primary.get("score").asDouble(), primary.get("scoreError").asDouble(),
                    primary.path("scoreUnit").asText(), raw));
        }
        return scores;
    }
}
