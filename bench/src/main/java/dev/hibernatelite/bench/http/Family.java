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
 */
public record Family(String id, Role role, String label, String mode, String routes,
                     Map<String, String> hibernateProperties, boolean poolMetrics) {

    /** How the report compares a family. */
    public enum Role {
        /** This bundle: compared with every peer (ratios, targets). */
        SUBJECT,
        /** A peer the bundle is compared with. */
        PEER,
        /** A what-if, not a peer: compared with the hand-wired peers and the bundle. */
        WHAT_IF,
        /** The bundle with one thing changed: compared with {@code lite}; database routes only. */
        VARIANT
    }

    /** The bundle's proposed defaults, as engine {@code properties} (see docs/benchmarks.md). */
    public static final Map<String, String> PROPOSED = Map.of("hibernate.generate_statistics", "false");

    /** The reference every other family is compared with. */
    public static final String LITE = "lite";

    /**
     * @param proposed the proposed defaults measured as {@code lite-proposed}
     * @return every application, in the order of each round
     */
    public static List<Family> catalogue(Map<String, String> proposed) {
        return List.of(
                new Family(LITE, Role.SUBJECT, "this bundle, defaults as shipped", "lite", "commit", Map.of(), true),
                new Family("lite-proposed", Role.SUBJECT, "this bundle, proposed defaults " + describe(proposed), "lite",
                        "commit", proposed, true),
                new Family("dwh", Role.PEER, "dropwizard-hibernate, @UnitOfWork + DAO, its DataSourceFactory (tomcat-jdbc)",
                        "dwh", null, Map.of(), false),
                new Family("hibernate", Role.PEER, "hand-wired Hibernate, SessionFactory.fromTransaction per route, HikariCP",
                        "hibernate", null, Map.of(), false),
                new Family("jdbc", Role.PEER, "plain JDBC on HikariCP, auto-commit on (the floor)", "jdbc", null, Map.of(),
                        false),
                new Family("hibernate-no-tx-reads", Role.WHAT_IF, "what-if: hand-wired Hibernate reading without a"
                        + " transaction (auto-commit on; inserts keep theirs)", "hibernate", "readsWithoutTransaction",
                        Map.of(), false),
                new Family("lite-stats-off", Role.VARIANT, "this bundle, hibernate.generate_statistics=false", "lite",
                        "commit", Map.of("hibernate.generate_statistics", "false"), true),
                new Family("lite-no-ordering", Role.VARIANT, "this bundle, hibernate.order_inserts=false,"
                        + " order_updates=false", "lite", "commit",
                        Map.of("hibernate.order_inserts", "false", "hibernate.order_updates", "false"), true),
                new Family("lite-commit-on-success", Role.VARIANT, "this bundle, @CommitOnSuccess on the resource"
                        + " (reads commit)", "lite", "commitOnSuccess", Map.of(), true),
                new Family("lite-release-before-write", Role.VARIANT, "this bundle, reads end their transaction in the"
                        + " method (connection back before the JSON)", "lite", "releaseBeforeWrite", Map.of(), true));
    }

    /** @return the routes measured under load: all of them, or for a variant those using the database */
    public List<Endpoint> endpoints() {
        return Arrays.stream(Endpoint.values()).filter(e -> role != Role.VARIANT || e.usesDatabase()).toList();
    }

    /** @return whether {@code other} runs the same application with the same settings */
    public boolean sameApplicationAs(Family other) {
        return mode.equals(other.mode) && Objects.equals(routes, other.routes)
                && hibernateProperties.equals(other.hibernateProperties) && poolMetrics == other.poolMetrics;
    }

    public static String describe(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(properties).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
                .append('=').append(v));
        return "(" + sb + ")";
    }

    /**
     * @param url the database
     * @param port the application's HTTP port
     * @param poolSize every family's pool size
     * @return the application's YAML
     */
    public String yaml(String url, int port, int poolSize) {
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
