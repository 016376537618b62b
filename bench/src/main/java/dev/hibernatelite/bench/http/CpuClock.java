package dev.hibernatelite.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time consumed by a process, and by the PostgreSQL backends serving one application (found by
 * their {@code application_name}), from Linux's {@code /proc/<pid>/stat} (user + system time, in
 * clock ticks of 10 ms). CPU per request is far less disturbed by other load on the machine than
 * throughput is, so it shows small costs that throughput on a shared machine cannot.
 * Returns -1 where {@code /proc} is not readable.
 */
public final class CpuClock {
    private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private CpuClock() {
    }

    /** @return CPU milliseconds the process has used, or -1 */
    public static double processMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces: fields are counted after its ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * @return CPU milliseconds the JVM's JIT compiler threads ({@code C1 CompilerThre...},
     *         {@code C2 CompilerThre...}) have used, or -1
     */
    public static double jitMillis(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            double total = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue; // the thread ended
                }
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    double ms = processMillis(pid, task.getFileName().toString());
                    total += Math.max(0, ms);
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double processMillis(long pid, String tid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", tid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * @param admin a connection to the server
     * @param applicationName the application's {@code ApplicationName}
     * @return CPU milliseconds its backends have used, or -1
     */
    public static double backendMillis(Connection admin, String applicationName) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        }
        double total = 0;
        for (long pid : pids) {
            double ms = processMillis(pid);
            if (ms < 0) {
                return -1;
            }
            total += ms;
        }
        return pids.isEmpty() ? -1 : total;
    }
}
