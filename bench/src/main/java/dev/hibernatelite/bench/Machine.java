package dev.hibernatelite.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run ran on: the machine, the JVM, the PostgreSQL server and its settings, the versions of
 * the libraries in the benchmark jar (by artifactId, "?" when unknown) and this project's commit.
 *
 * @param cpu CPU model
 * @param cores processors visible to the JVM
 * @param memory total memory, "23.5 GiB"
 * @param os name, version, architecture
 * @param java the JVM's name and version
 * @param postgres {@code version()}
 * @param postgresSettings the server settings that matter here
 * @param versions artifactId → version
 * @param commit {@code git log -1} hash and date, or "?"
 * @param bundleChanged whether {@code bundle/} had uncommitted changes
 */
public record Machine(String cpu, int cores, String memory, String os, String java, String postgres,
                      Map<String, String> postgresSettings, Map<String, String> versions, String commit,
                      boolean bundleChanged) {
    private static final List<String> ARTIFACTS = List.of("dropwizard-hibernate-lite", "dropwizard-core",
            "dropwizard-hibernate", "dropwizard-db", "jetty-server", "jersey-server", "hibernate-core",
            "jackson-databind", "jackson-datatype-hibernate6", "HikariCP", "tomcat-jdbc", "postgresql", "jmh-core",
            "metrics-core");
    private static final List<String> SETTINGS = List.of("max_connections", "shared_buffers", "synchronous_commit",
            "shared_preload_libraries");

    /** @return the facts, reading PostgreSQL's through {@code url} */
    public static Machine collect(String url) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        String version;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version()")) {
                rs.next();
                version = rs.getString(1);
            }
            for (String s : SETTINGS) {
                try (ResultSet rs = st.executeQuery("SELECT current_setting('" + s + "')")) {
                    rs.next();
                    settings.put(s, rs.getString(1));
                }
            }
        }
        Map<String, String> all = dependencyVersions();
        Map<String, String> versions = new LinkedHashMap<>();
        ARTIFACTS.forEach(a -> versions.put(a, all.getOrDefault(a, "?")));
        String commit = command("git", "log", "-1", "--format=%h %cI");
        String changed = command("git", "--no-optional-locks", "status", "--porcelain", "--", "bundle");
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), version, settings,
                versions, commit == null || commit.isEmpty() ? "?" : commit, changed != null && !changed.isEmpty());
    }

    /** @return the 1, 5 and 15 minute load averages, "0.30 0.82 0.50" */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "? ? ?";
        }
    }

    /** @return the 1-minute load average, or NaN */
    public static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return artifactId → version, from the list the build recorded (maven-dependency-plugin's list goal) */
    static Map<String, String> dependencyVersions() {
        Map<String, String> versions = new TreeMap<>();
        Pattern line = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+:(?:[\\w.\\-]+:)?([\\w.\\-]+):"
                + "(compile|runtime|provided|test|system)\\b.*");
        try (InputStream in = Machine.class.getResourceAsStream("/bench-dependencies.txt")) {
            if (in == null) {
                return versions;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            while ((l = reader.readLine()) != null) {
                Matcher m = line.matcher(l);
                if (m.matches()) {
                    versions.put(m.group(2), m.group(3));
                }
            }
        } catch (IOException e) {
            // no versions then
        }
        return versions;
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal")) {
                    return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }
}
