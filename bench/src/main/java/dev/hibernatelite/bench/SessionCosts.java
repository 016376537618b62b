package dev.hibernatelite.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JMH phase of {@link BenchmarksReport}: {@link SessionBenchmark}, with the engine's statistics on
 * and off where a session does something, once (on) for the rest; results through JMH's JSON file.
 */
public final class SessionCosts {
    private SessionCosts() {
    }

    /**
     * @param quick shorter iterations
     * @param url the benchmark database
     * @param workDir where JMH's JSON files go
     */
    public static List<JmhJson.Score> run(boolean quick, String url, Path workDir) throws Exception {
        String prefix = "^" + Pattern.quote(SessionBenchmark.class.getName()) + "\\.";
        List<JmhJson.Score> scores = new ArrayList<>();
        scores.addAll(JmhJson.run(options(quick, url)
                .include(prefix + "(contextFirstSession|handOpenBeginRollbackClose|contextFind|handFind)$")
                .param("statistics", "true", "false"), workDir.resolve("jmh-session-statistics.json")));
        scores.addAll(JmhJson.run(options(quick, url)
                .include(prefix + "(contextOnly|repeatSession|handOpenClose|json.*)$")
                .param("statistics", "true"), workDir.resolve("jmh-session-other.json")));
        return scores;
    }

    private static ChainedOptionsBuilder options(boolean quick, String url) {
        return new OptionsBuilder()
                .forks(1)
                .threads(1)
                .warmupIterations(1)
                .warmupTime(quick ? TimeValue.milliseconds(300) : TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(quick ? TimeValue.milliseconds(300) : TimeValue.seconds(1))
                .jvmArgs("-Xms512m", "-Xmx512m", "-Dbench.url=" + url, "-Dbench.rows=" + BenchDatabase.ROWS)
                .shouldFailOnError(true);
    }
}
