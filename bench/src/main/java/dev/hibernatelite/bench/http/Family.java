package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way of writing the benchmark application: a route family of {@code BenchApp} and what is
 * changed in it. The peers are measured as their users get them; the variants of the bundle each
 * change one thing, to see what that thing costs. {@link #catalogue} lists them all: adding an
 * application to the benchmarks is one line there (plus, for a new {@code mode} or {@code routes},
 * the code in {@code BenchApp}).
 *
 * @param id short name used in tables and file names
 * @param role how the report compares it
 * @param label what it is, for the report
 * @param mode {@code BenchApp}'s {@code bench.mode}
 * @param routes {@code bench.routes}: how the routes are written (null: the family's default)
 * @param hibernateProperties Hibernate settings put in the YAML (the bundle's engine
 *        {@code properties}, or hand-wired Hibernate's {@code jdbc.hibernateProperties})
 * @param poolMetrics for hand-wired Hibernate and JDBC: whether their HikariCP pool reports into
 *        the MetricRegistry, as the bundle's pool does
 * @param replicas for the bundle: whether its engine lists the run's standby as {@code replicas:}
 * @param measured the routes measured under load, or null for the role's (every route; a variant's
 *        database routes)
 */
public record Family(String id, Role role, String label, String mode, String routes,
                     Map<String, String> hibernateProperties, boolean poolMetrics, boolean replicas,
                     List<Endpoint> measured) {

    /** How the report compares a family. */
    public enum Role {
        /** This bundle in one of its modes: compared with its peers (ratios, targets). */
        SUBJECT,
        /** A peer the bundle is compared with. */
        PEER,
        /** Not in the catalogue any more: kept so that older runs' data can still be rendered. */
        WHAT_IF,
        /** The bundle with one thing changed: compared with {@code lite}; database routes only. */
        VARIANT
    }

    /** The bundle's proposed defaults, as engine {@code properties} (see docs/benchmarks.md). */
    public static final Map<String, String> PROPOSED = Map.of("hibernate.generate_statistics", "false");

    /** The reference every variant is compared with: the bundle as shipped, without {@code @ReadOnly}. */
    public static final String LITE = "lite";
    /** The bundle with its read routes {@code @ReadOnly}. */
    public static final String LITE_READ_ONLY = "lite-readonly";
    /** {@link #LITE_READ_ONLY} reading from a streaming standby ({@code replicas:}). */
    public static final String LITE_REPLICA = "lite-replica";
    /** Hand-written Hibernate doing what {@code @ReadOnly} does. */
    public static final String HIBERNATE_READ_ONLY = "hibernate-readonly";

    private static final List<Endpoint> READS = List.of(Endpoint.READ, Endpoint.LIST, Endpoint.PARTS);

    /**
     * @param proposed the proposed defaults measured as {@code lite-proposed}
     * @return every application, in the order of each round
     */
    public static List<Family> catalogue(Map<String, String> proposed) {
        return List.of(
                new Family(LITE, Role.SUBJECT, "this bundle, defaults as shipped, transactional reads (no @ReadOnly)",
                        "lite", "commit", Map.of(), true, false, null),
                new Family(LITE_READ_ONLY, Role.SUBJECT, "this bundle, read routes @ReadOnly (read-only sessions in"
                        + " auto-commit on its read-only pool); insert as in lite", "lite", "readOnly", Map.of(), true,
                        false, READS),
                new Family(LITE_REPLICA, Role.SUBJECT, "lite-readonly with replicas: [the run's streaming standby]"
                        + " (read-only sessions read from the standby)", "lite", "readOnly", Map.of(), true, true, READS),
                new Family("dwh", Role.PEER, "dropwizard-hibernate, @UnitOfWork + DAO, its DataSourceFactory (tomcat-jdbc)",
                        "dwh", null, Map.of(), false, false, null),
                new Family("hibernate", Role.PEER, "hand-wired Hibernate, SessionFactory.fromTransaction per route, HikariCP",
                        "hibernate", null, Map.of(), false, false, null),
                new Family(HIBERNATE_READ_ONLY, Role.PEER, "hand-wired Hibernate reading as @ReadOnly does: read-only"
                        + " session, FlushMode.MANUAL, no transaction, HikariCP with auto-commit on", "hibernate",
                        "readOnly", Map.of(), false, false, READS),
                new Family("jdbc", Role.PEER, "plain JDBC on HikariCP, auto-commit on (the floor)", "jdbc", null, Map.of(),
                        false, false, null),
                new Family("lite-proposed", Role.VARIANT, "this bundle, proposed defaults " + describe(proposed), "lite",
                        "commit", proposed, true, false, null),
                new Family("lite-stats-off", Role.VARIANT, "this bundle, hibernate.generate_statistics=false", "lite",
                        "commit", Map.of("hibernate.generate_statistics", "false"), true, false, null),
                new Family("lite-no-ordering", Role.VARIANT, "this bundle, hibernate.order_inserts=false,"
                        + " order_updates=false", "lite", "commit",
                        Map.of("hibernate.order_inserts", "false", "hibernate.order_updates", "false"), true, false, null),
                new Family("lite-commit-on-success", Role.VARIANT, "this bundle, @CommitOnSuccess on the resource"
                        + " (reads commit)", "lite", "commitOnSuccess", Map.of(), true, false, null),
                new Family("lite-release-before-write", Role.VARIANT, "this bundle, reads end their transaction in the"
                        + " method (connection back before the JSON)", "lite", "releaseBeforeWrite", Map.of(), true, false,
                        null));
    }

    /**
     * @return the routes measured under load: those named in the catalogue, else all of them, or for
     *         a variant those using the database
     */
    public List<Endpoint> endpoints() {
        if (measured != null) {
            return measured;
        }
        return Arrays.stream(Endpoint.values()).filter(e -> role != Role.VARIANT || e.usesDatabase()).toList();
    }

    /** @return whether {@code other} runs the same application with the same settings */
    public boolean sameApplicationAs(Family other) {
        return mode.equals(other.mode) && Objects.equals(routes, other.routes)
                && hibernateProperties.equals(other.hibernateProperties) && poolMetrics == other.poolMetrics
                && replicas == other.replicas;
    }

    public static String describe(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(properties).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
                .append('=').append(v));
        return "(" + sb + ")";
    }

    /**
     * @param url the database
     * @param replicaUrl the standby's database, for a family with {@link #replicas}; else ignored
     * @param port the application's HTTP port
     * @param poolSize every family's pool size (the bundle's read pools get the same size)
     * @return the application's YAML
     */
    public String yaml(String url, String replicaUrl, int port, int poolSize) {
        StringBuilder y = new StringBuilder();
        y.append("server:\n")
                .append("  type: simple\n")
                .append("  applicationContextPath: /\n")
                .append("  connector:\n")
                .append("    type: http\n")
                .append("    bindHost: 127.0.0.1\n")
                .append("    port: ").append(port).append('\n')
                .append("  requestLog:\n")
                .append("    appenders: []\n")
                .append("logging:\n")
                .append("  level: WARN\n")
                .append("  appenders:\n")
                .append("    - type: console\n")
                .append("      target: stderr\n")
                .append("metrics:\n")
                .append("  reporters: []\n");
        switch (mode) {
            case "lite" -> {
                y.append("engines:\n")
                        .append("  default:\n")
                        .append("    url: ").append(quote(url)).append('\n')
                        .append("    maxSize: ").append(poolSize).append('\n');
                if (replicas) {
                    if (replicaUrl == null) {
                        throw new IllegalStateException(id + " reads from a standby, and the run has none");
                    }
                    y.append("    replicas:\n")
                            .append("      - ").append(quote(replicaUrl)).append('\n');
                }
                properties(y, "    properties:\n", "      ", hibernateProperties);
            }
            case "dwh" -> y.append("database:\n")
                    .append("  driverClass: ").append(BenchSettings.DRIVER).append('\n')
                    .append("  url: ").append(quote(url)).append('\n')
                    .append("  initialSize: ").append(poolSize).append('\n')
                    .append("  minSize: ").append(poolSize).append('\n')
                    .append("  maxSize: ").append(poolSize).append('\n');
            case "hibernate", "jdbc" -> {
                y.append("jdbc:\n")
                        .append("  url: ").append(quote(url)).append('\n')
                        .append("  poolSize: ").append(poolSize).append('\n')
                        .append("  poolMetrics: ").append(poolMetrics).append('\n');
                properties(y, "  hibernateProperties:\n", "    ", hibernateProperties);
            }
            default -> throw new IllegalStateException(mode);
        }
        return y.toString();
    }

    private static void properties(StringBuilder y, String header, String indent, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return;
        }
        y.append(header);
        new LinkedHashMap<>(properties).forEach((k, v) -> y.append(indent).append(k).append(": ").append(quote(v))
                .append('\n'));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
