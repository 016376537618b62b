package dev.hibernatelite.bench;

import java.util.List;

/**
 * Everything one run of {@link PoolChoiceReport} collected, as plain data: written as JSON
 * ({@code bench/results/pool-choice.json}) and rendered into {@code bench/results/pool-choice.md}.
 *
 * @param run when, and the load
 * @param machine what it ran on
 * @param method the run's settings
 * @param forks every JMH fork's measurement iterations
 * @param counts what PostgreSQL sees per operation
 * @param exhaustion pool exhausted
 * @param down starting while the database is down
 * @param open a connection returned in the middle of a transaction
 */
public record PoolChoiceResults(Run run, Machine machine, Method method, List<Fork> forks,
                                List<StatementCounts.Row> counts, List<PoolFacts.Exhaustion> exhaustion,
                                List<PoolFacts.DatabaseDown> down, List<PoolFacts.OpenTransaction> open) {

    /**
     * @param started ISO-8601 start
     * @param finished ISO-8601 end
     * @param quick a {@code --quick} smoke run
     * @param loadBefore load averages (1/5/15 min) at the start
     * @param loadAfter and at the end
     * @param database the database URL without its query
     */
    public record Run(String started, String finished, boolean quick, String loadBefore, String loadAfter,
                      String database) {
    }

    /**
     * @param rounds JMH rounds: each runs every thread count for every pool, one fork each
     * @param threads the thread counts
     * @param diagnostics extra pool configurations, each on the one benchmark it affects
     * @param warmupIterations per fork
     * @param warmupTime per warm-up iteration
     * @param measurementIterations per fork
     * @param measurementTime per measurement iteration
     * @param poolSize every pool's fixed size
     * @param driver the JDBC driver class
     * @param tomcatMaxWait Dropwizard's default {@code maxWaitForConnection}
     * @param operations operations counted on the wire (after {@code warmupOperations})
     * @param warmupOperations unmeasured operations before them
     */
    public record Method(int rounds, List<Integer> threads, List<Diagnostic> diagnostics, int warmupIterations,
                         String warmupTime, int measurementIterations, String measurementTime, int poolSize,
                         String driver, String tomcatMaxWait, int operations, int warmupOperations) {
    }

    /** A pool configuration measured only on the benchmark it affects. */
    public record Diagnostic(String pool, String benchmark) {
    }

    /**
     * One JMH fork.
     *
     * @param load1 the 1-minute load average when it started
     * @param iterations its measurement iterations, ops/ms
     */
    public record Fork(int round, int threads, String pool, String benchmark, double load1, List<Double> iterations) {
    }
}
