package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of writing the benchmark application: a route family of {@code BenchApp} and what is
 * changed in it. The peers are measured as their users get them; the variants of the bundle each
 * change one thing, to see what that thing costs.
 *
 * @param id short name used in tables and file names
 * @param label what it is, for the report
 * @param mode {@code BenchApp}'s {@code bench.mode}
 * @param routes {@code bench.routes}: how the routes are written (null: the family's default)
 * @param hibernateProperties Hibernate settings put in the YAML (the bundle's engine
 *        {@code properties}, or hand-wired Hibernate's {@code jdbc.hibernateProperties})
 * @param poolMetrics for hand-wired Hibernate and JDBC: whether their HikariCP pool reports into
 *        the MetricRegistry, as the bundle's pool does
 */
public record Family(String id, String label, String mode, String routes, Map<String, String> hibernateProperties,
                     boolean poolMetrics) {

    /** The bundle's proposed defaults, as engine {@code properties} (see docs/benchmarks.md). */
    public static final Map<String, String> PROPOSED = Map.of("hibernate.generate_statistics", "false");

    public static Family lite() {
        return new Family("lite", "this bundle, defaults as shipped", "lite", "commit", Map.of(), true);
    }

    public static Family liteProposed(Map<String, String> proposed) {
        return new Family("lite-proposed", "this bundle, proposed defaults " + describe(proposed), "lite", "commit",
                proposed, true);
    }

    public static Family dropwizardHibernate() {
        return new Family("dwh", "dropwizard-hibernate, @UnitOfWork + DAO, its DataSourceFactory (tomcat-jdbc)",
                "dwh", null, Map.of(), false);
    }

    public static Family handWired() {
        return new Family("hibernate", "hand-wired Hibernate, SessionFactory.fromTransaction per route, HikariCP",
                "hibernate", null, Map.of(), false);
    }

    public static Family jdbc() {
        return new Family("jdbc", "plain JDBC on HikariCP, auto-commit on (the floor)", "jdbc", null, Map.of(), false);
    }

    /** A what-if, not a peer: how far reads without a transaction would go. */
    public static Family handWiredReadsWithoutTransaction() {
        return new Family("hibernate-no-tx-reads", "what-if: hand-wired Hibernate reading without a transaction"
                + " (auto-commit on; inserts keep theirs)", "hibernate", "readsWithoutTransaction", Map.of(), false);
    }

    /** @return the peers and the bundle, in the order of the first round */
    public static List<Family> main(Map<String, String> proposed) {
        return List.of(lite(), liteProposed(proposed), dropwizardHibernate(), handWired(), jdbc(),
                handWiredReadsWithoutTransaction());
    }

    /** @return the bundle with one thing changed each, and the reference they are compared with */
    public static List<Family> variants() {
        return List.of(
                lite(),
                new Family("lite-stats-off", "this bundle, hibernate.generate_statistics=false", "lite", "commit",
                        Map.of("hibernate.generate_statistics", "false"), true),
                new Family("lite-no-ordering", "this bundle, hibernate.order_inserts=false, order_updates=false",
                        "lite", "commit", Map.of("hibernate.order_inserts", "false", "hibernate.order_updates", "false"),
                        true),
                new Family("lite-commit-on-success", "this bundle, @CommitOnSuccess on the resource (reads commit)",
                        "lite", "commitOnSuccess", Map.of(), true),
                new Family("lite-release-before-write",
                        "this bundle, reads end their transaction in the method (connection back before the JSON)",
                        "lite", "releaseBeforeWrite", Map.of(), true));
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
