package dev.hibernatelite.internal.health;

import com.codahale.metrics.health.HealthCheck;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check that probes on Dropwizard's health-check executor and answers within a bound,
 * whatever the probe does: on timeout it cancels the probe and reports which setting bounded it.
 *
 * <p>Internal: not part of the public API.
 */
public abstract class BoundedHealthCheck extends HealthCheck {
    private final ExecutorService executor;
    private final long boundMillis;
    private final String boundSetting;

    /**
     * @param executor Dropwizard's health-check executor
     * @param boundMillis the most the check may take
     * @param boundSetting the YAML path of the setting that sets the bound, for messages
     */
    protected BoundedHealthCheck(ExecutorService executor, long boundMillis, String boundSetting) {
        this.executor = executor;
        this.boundMillis = boundMillis;
        this.boundSetting = boundSetting;
    }

    /** @return the bound, in milliseconds */
    protected final long boundMillis() {
        return boundMillis;
    }

    /**
     * Runs on the executor; may block up to the bound (it is interrupted after it).
     *
     * @param start {@link System#nanoTime()} when the check started
     * @return the result
     * @throws Exception when the database cannot be reached; its message is reported
     */
    protected abstract Result probe(long start) throws Exception;

    /**
     * @param builder a result being built
     * @param start when the check started
     * @return the builder with the engine's details added
     */
    protected abstract ResultBuilder details(ResultBuilder builder, long start);

    /**
     * @param failure what the probe threw
     * @return its description, with secrets masked
     */
    protected abstract String describe(Throwable failure);

    @Override
    protected final Result check() {
        long start = System.nanoTime();
        Future<Result> probe;
        try {
            probe = executor.submit(() -> probe(start));
        } catch (RejectedExecutionException e) {
            return unhealthy("the health-check executor is saturated; no check could run", start);
        }
        try {
            return probe.get(boundMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return unhealthy("no answer within " + boundMillis + " ms (" + boundSetting + ")", start);
        } catch (ExecutionException e) {
            return unhealthy(describe(e.getCause()), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.cancel(true);
            return unhealthy("interrupted", start);
        }
    }

    protected final Result unhealthy(String why, long start) {
        return details(Result.builder().unhealthy(), start).withMessage(why).build();
    }

    protected final Result healthy(String message, long start) {
        return details(Result.builder().healthy(), start).withMessage(message).build();
    }

    protected static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
