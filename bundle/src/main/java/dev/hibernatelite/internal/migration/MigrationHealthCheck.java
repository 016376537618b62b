package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.health.BoundedHealthCheck;

import java.util.concurrent.ExecutorService;

/**
 * Reports an engine's migrations ({@code hibernate-lite.<engine>.migrations}): healthy when none is
 * pending or failed, unhealthy naming them otherwise (or when the history cannot be read). It never
 * blocks startup: it is only asked when the health checks run.
 *
 * <p>Internal: not part of the public API.
 */
public final class MigrationHealthCheck extends BoundedHealthCheck {
    /** Reading the history and the files may take longer than a validation query: at least this. */
    private static final long MIN_BOUND_MILLIS = 5_000;

    private final MigrationTarget target;

    /**
     * @param target the engine
     * @param executor Dropwizard's health-check executor
     * @param boundMillis the engine's validation bound (raised to 5 seconds at least)
     */
    public MigrationHealthCheck(MigrationTarget target, ExecutorService executor, long boundMillis) {
        super(executor, Math.max(MIN_BOUND_MILLIS, boundMillis),
                target.migrations().yamlPath().replace(".migrations", ".validationQueryTimeout"));
        this.target = target;
    }

    /**
     * @param target an engine
     * @return the name the check is registered under
     */
    public static String nameOf(MigrationTarget target) {
        return "hibernate-lite." + (target.async() ? "async." : "") + target.name() + ".migrations";
    }

    @Override
    protected Result probe(long start) {
        MigrationStatus status = FlywayMigrator.of(target).info();
        if (!status.failed().isEmpty()) {
            return unhealthy("failed migrations: " + String.join(", ", status.failed())
                    + "; undo what they did, fix them, run db repair, then db migrate", start);
        }
        if (!status.pending().isEmpty()) {
            return unhealthy(status.pending().size() + " pending migrations: " + String.join(", ", status.pending())
                    + "; run db migrate", start);
        }
        return healthy("at version " + status.current() + ", nothing pending", start);
    }

    @Override
    protected ResultBuilder details(ResultBuilder builder, long start) {
        return builder.withDetail("engine", target.name())
                .withDetail("url", target.maskedUrl())
                .withDetail("locations", target.migrations().locations())
                .withDetail("latencyMillis", elapsedMillis(start));
    }

    @Override
    protected String describe(Throwable failure) {
        return failure instanceof MigrationException ? failure.getMessage() : target.describe(failure);
    }

    @Override
    public String toString() {
        return "MigrationHealthCheck{" + target.name() + "}";
    }
}
