package dev.hibernatelite.bench.http;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording and says where the
 * application's time went, two ways:
 *
 * <ul>
 *   <li><b>by component (self)</b>: each sample goes to the library of the frame nearest the top
 *       of its stack that is not JDK code (so a socket write done by pgjdbc counts as pgjdbc, a
 *       {@code HashMap} lookup done by Hibernate as Hibernate). Dropwizard metrics code goes to
 *       whoever called it (HikariCP's borrow timers, or Dropwizard's own request timers).</li>
 *   <li><b>inclusive markers</b>: the share of samples with a given piece of code anywhere on the
 *       stack: Hibernate statistics, session open/close, flush, transaction handling, the pool's
 *       metrics, this bundle's request context, JSON writing.</li>
 * </ul>
 */
public final class JfrProfile {
    /** Component of the first non-JDK frame, by class-name prefix; first match wins. */
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"org.hibernate.stat.", "Hibernate statistics"},
            new String[] {"org.hibernate.", "Hibernate ORM"},
            new String[] {"org.postgresql.", "pgjdbc (driver, socket I/O)"},
            new String[] {"com.zaxxer.hikari.", "HikariCP"},
            new String[] {"org.apache.tomcat.jdbc.", "tomcat-jdbc"},
            new String[] {"dev.hibernatelite.bench.", "benchmark routes"},
            new String[] {"dev.hibernatelite.", "this bundle"},
            new String[] {"io.dropwizard.hibernate.", "dropwizard-hibernate"},
            new String[] {"com.fasterxml.jackson.datatype.hibernate", "Jackson Hibernate6Module"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.glassfish.", "Jersey / HK2"},
            new String[] {"org.jvnet.hk2.", "Jersey / HK2"},
            new String[] {"org.eclipse.jetty.", "Jetty"},
            new String[] {"io.dropwizard.", "Dropwizard"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"net.bytebuddy.", "Byte Buddy"});

    /** Inclusive markers: label, then class-name prefixes (optionally {@code Class#method}). */
    private static final List<String[]> MARKERS = List.of(
            new String[] {"Hibernate statistics", "org.hibernate.stat."},
            new String[] {"Hibernate session open", "org.hibernate.internal.SessionImpl#<init>",
                    "org.hibernate.internal.AbstractSharedSessionContract#<init>"},
            new String[] {"Hibernate session close", "org.hibernate.internal.SessionImpl#close",
                    "org.hibernate.internal.SessionImpl#closeWithoutOpenChecks"},
            new String[] {"Hibernate flush", "org.hibernate.event.internal.AbstractFlushingEventListener"},
            new String[] {"transaction begin/commit/rollback", "org.hibernate.engine.transaction.",
                    "org.hibernate.resource.transaction."},
            new String[] {"connection borrow/return (pool)", "com.zaxxer.hikari.pool.HikariPool#getConnection",
                    "com.zaxxer.hikari.pool.ProxyConnection#close", "org.apache.tomcat.jdbc.pool.ConnectionPool#getConnection",
                    "org.apache.tomcat.jdbc.pool.ConnectionPool#returnConnection",
                    "org.apache.tomcat.jdbc.pool.DisposableConnectionFacade#invoke"},
            new String[] {"pool metrics (Dropwizard timers)", "com.zaxxer.hikari.metrics."},
            new String[] {"this bundle's request context", "dev.hibernatelite.internal.context."},
            new String[] {"dropwizard-hibernate @UnitOfWork", "io.dropwizard.hibernate.UnitOfWork"},
            new String[] {"JSON writing (Jackson)", "com.fasterxml.jackson.jakarta.rs.base.ProviderBase#writeTo"},
            new String[] {"JSON reading (Jackson)", "com.fasterxml.jackson.jakarta.rs.base.ProviderBase#readFrom"},
            new String[] {"SQL execution (pgjdbc)", "org.postgresql.jdbc.PgPreparedStatement#execute",
                    "org.postgresql.jdbc.PgPreparedStatement#executeQuery", "org.postgresql.jdbc.PgPreparedStatement#executeUpdate",
                    "org.postgresql.jdbc.PgConnection#commit", "org.postgresql.jdbc.PgConnection#rollback"});

    private static final String CONTROL = "dev.hibernatelite.bench.app.BenchInfoResource";

    private JfrProfile() {
    }

    /**
     * What one recording says.
     *
     * @param samples CPU samples in the recording
     * @param components samples by component (self), most first
     * @param markers samples by marker (inclusive)
     * @param topFrames the most sampled non-JDK frames (self), "class#method" → samples
     */
    public record Summary(long samples, Map<String, Long> components, Map<String, Long> markers,
                          Map<String, Long> topFrames) {
        public double share(long n) {
            return samples == 0 ? 0 : 100.0 * n / samples;
        }
    }

    /** @return the summary of one recording */
    public static Summary read(Path file) throws IOException {
        long samples = 0;
        Map<String, Long> components = new LinkedHashMap<>();
        Map<String, Long> markers = new LinkedHashMap<>();
        Map<String, Long> frames = new TreeMap<>();
        for (String[] m : MARKERS) {
            markers.put(m[0], 0L);
        }
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (RecordedFrame f : stack.getFrames()) {
                if (f.isJavaFrame()) {
                    names.add(f.getMethod().getType().getName() + "#" + f.getMethod().getName());
                }
            }
            if (names.stream().anyMatch(n -> n.startsWith(CONTROL))) {
                continue; // starting or stopping the recording itself
            }
            samples++;
            String self = selfFrame(names);
            components.merge(component(self, names), 1L, Long::sum);
            if (self != null) {
                frames.merge(self, 1L, Long::sum);
            }
            for (String[] m : MARKERS) {
                if (contains(names, m)) {
                    markers.merge(m[0], 1L, Long::sum);
                }
            }
        }
        return new Summary(samples, sortDescending(components), markers, top(frames, 15));
    }

    private static String selfFrame(List<String> names) {
        for (String n : names) {
            if (!isJdk(n) && !n.startsWith("com.codahale.metrics.")) {
                return n;
            }
        }
        return null;
    }

    private static String component(String self, List<String> names) {
        if (self == null) {
            return "JDK only";
        }
        boolean metrics = !names.isEmpty() && names.stream().takeWhile(n -> !n.equals(self))
                .anyMatch(n -> n.startsWith("com.codahale.metrics."));
        if (metrics) {
            return self.startsWith("com.zaxxer.hikari.") ? "HikariCP metrics (Dropwizard timers)"
                    : "Dropwizard metrics (request timers)";
        }
        for (String[] c : COMPONENTS) {
            if (self.startsWith(c[0])) {
                return c[1];
            }
        }
        return "other libraries";
    }

    private static boolean contains(List<String> names, String[] marker) {
        for (String n : names) {
            for (int i = 1; i < marker.length; i++) {
                String p = marker[i];
                if (p.contains("#") ? n.equals(p) || n.startsWith(p) : n.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isJdk(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static Map<String, Long> sortDescending(Map<String, Long> m) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Map<String, Long> top(Map<String, Long> m, int n) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Prints a recording's summary: {@code java -cp benchmarks.jar dev.hibernatelite.bench.http.JfrProfile FILE...}. */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Summary s = read(Path.of(a));
            System.out.println("== " + a + ": " + s.samples() + " samples");
            s.components().forEach((k, v) -> System.out.printf("  %-45s %6d %5.1f%%%n", k, v, s.share(v)));
            System.out.println("  -- inclusive");
            s.markers().forEach((k, v) -> System.out.printf("  %-45s %6d %5.1f%%%n", k, v, s.share(v)));
            System.out.println("  -- top frames (self)");
            s.topFrames().forEach((k, v) -> System.out.printf("  %-90s %6d %5.1f%%%n", k, v, s.share(v)));
        }
    }
}
