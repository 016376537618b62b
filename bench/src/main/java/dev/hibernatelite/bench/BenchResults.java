package dev.hibernatelite.bench;

import dev.hibernatelite.bench.http.AppProcess;
import dev.hibernatelite.bench.http.Endpoint;
import dev.hibernatelite.bench.http.Family;
import dev.hibernatelite.bench.http.JfrProfile;
import dev.hibernatelite.bench.http.RequestCounts;
import dev.hibernatelite.bench.http.Wrk;

import java.util.List;
import java.util.Map;

/**
 * Everything one run of {@link BenchmarksReport} collected, as plain data: written as JSON
 * ({@code bench/results/benchmarks.json}) and rendered into docs/benchmarks.md from that.
 *
 * @param run when, how long, with which settings
 * @param machine what it ran on
 * @param families the applications measured, in round order
 * @param counts round trips and statements per request (phase {@code counts})
 * @param startups cold starts (phase {@code startup})
 * @param jmh {@code SessionBenchmark} scores (phase {@code jmh})
 * @param http one entry per wrk measurement (phases {@code http} and {@code variants})
 * @param profiles JFR recordings under load (phase {@code profile})
 */
public record BenchResults(Run run, Machine machine, List<Family> families, List<RequestCounts.FamilyCounts> counts,
                          List<Startup> startups, List<JmhJson.Score> jmh, List<Measurement> http,
                          List<Profile> profiles) {

    /**
     * @param started ISO-8601 start
     * @param finished ISO-8601 end
     * @param seconds wall-clock duration
     * @param quick whether it was a {@code --quick} smoke run
     * @param loadBefore load averages (1/5/15 min) at the start
     * @param loadAfter and at the end
     * @param method the run's settings
     */
    public record Run(String started, String finished, long seconds, boolean quick, String loadBefore, String loadAfter,
                      Method method) {
    }

    /**
     * The settings the figures depend on.
     *
     * @param rounds rounds of the HTTP phase: each round starts every application once, in turn
     * @param warmupSeconds wrk warm-up per route, each time an application is started
     * @param seconds wrk measurement per route and round
     * @param settleMillis pause after each warm-up and after each application stops
     * @param profileSeconds wrk time under the JFR recording
     * @param connections wrk connections (the concurrency)
     * @param wrkThreads wrk threads
     * @param poolSize every family's pool size
     * @param startupReps cold starts per family and entity count
     * @param countRequests requests per route in the round-trip counts
     * @param rows seeded rows
     * @param proposed the proposed defaults (engine properties of {@code lite-proposed})
     * @param wrk wrk's version line
     * @param jvmOptions every application's JVM options
     * @param database the benchmark database's name
     * @param data where the results JSON went
     * @param workDir logs, YAML, JFR recordings
     * @param server which PostgreSQL server(s) the figures come from (null in runs before it was recorded)
     */
    public record Method(int rounds, int appWarmupSeconds, int warmupSeconds, int maxWarmupSeconds, int seconds, long settleMillis, int profileSeconds,
                         int connections, int wrkThreads, int poolSize, int startupReps, int countRequests, int rows,
                         Map<String, String> proposed, String wrk, List<String> jvmOptions, String database, String data,
                         String workDir, String server) {
    }

    /**
     * One wrk measurement of one application on one route, with the application alone under load.
     *
     * @param round 1..rounds
     * @param family the application's family id
     * @param endpoint the route
     * @param result wrk's figures
     * @param borrows connections borrowed from the pool during the measurement
     * @param load1 the 1-minute load average when it started
     * @param pool {@code /bench/info} right after it
     * @param appCpuMillis CPU time of the application's JVM during it, or -1
     * @param dbCpuMillis CPU time of the PostgreSQL backends serving it, or -1: those of the primary and,
     *        for a family reading from the standby, those of the standby
     * @param replicaDbCpuMillis of that, the standby's backends' (0 for a family that does not read from it)
     * @param warmupSeconds how long the route was warmed before it (0 in runs before the warm-up adapted)
     */
    public record Measurement(int round, String family, Endpoint endpoint, Wrk.Result result, long borrows,
                              double load1, AppProcess.Info pool, double appCpuMillis, double dbCpuMillis,
                              double replicaDbCpuMillis, int warmupSeconds) {
        /** @return the application's CPU µs per request, or NaN */
        public double appCpuPerRequest() {
            return appCpuMillis < 0 || result.requests() == 0 ? Double.NaN : 1000 * appCpuMillis / result.requests();
        }

        /** @return its PostgreSQL backends' CPU µs per request, or NaN */
        public double dbCpuPerRequest() {
            return dbCpuMillis < 0 || result.requests() == 0 ? Double.NaN : 1000 * dbCpuMillis / result.requests();
        }

        /** @return of that, the standby's backends' CPU µs per request, or NaN */
        public double replicaDbCpuPerRequest() {
            return dbCpuMillis < 0 || replicaDbCpuMillis < 0 || result.requests() == 0 ? Double.NaN
                    : 1000 * replicaDbCpuMillis / result.requests();
        }
    }

    /** One cold start: launch to serving, JVM uptime at serving (less class generation), database setup. */
    public record Startup(String family, int entities, int rep, long wallMs, long readyMs, long databaseSetupMs) {
    }

    /**
     * One JFR recording under load.
     *
     * @param seconds how long wrk drove the application
     * @param throughput requests/s while recording
     * @param pool {@code /bench/info} after it
     */
    public record Profile(String family, Endpoint endpoint, int seconds, double throughput, JfrProfile.Summary summary,
                          AppProcess.Info pool) {
    }
}
