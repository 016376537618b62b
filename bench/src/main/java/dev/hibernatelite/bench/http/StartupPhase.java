package dev.hibernatelite.bench.http;

import dev.hibernatelite.bench.BenchResults.Startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Cold starts of the Hibernate families, one JVM at a time, with 2 and with 200 entities, the order
 * alternating between repetitions.
 */
public final class StartupPhase {
    /** The families started. */
    public static final List<String> FAMILIES = List.of("lite", "dwh", "hibernate");
    /** Entity counts: the benchmark's two entities (item, part), and 198 generated ones more. */
    public static final int[] ENTITIES = {dev.hibernatelite.bench.app.BenchApp.BASE_ENTITIES, 200};

    private StartupPhase() {
    }

    /**
     * @param families the run's families (those in {@link #FAMILIES} are started)
     * @param reps starts per family and entity count
     */
    public static List<Startup> run(List<Family> families, String url, int poolSize, int reps, Path workDir)
            throws Exception {
        List<Family> stacks = families.stream().filter(f -> FAMILIES.contains(f.id())).toList();
        List<Startup> out = new ArrayList<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (int entities : ENTITIES) {
                List<Family> order = new ArrayList<>(stacks);
                if ((rep + (entities > 1 ? 1 : 0)) % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Family f : order) {
                    try (AppProcess app = AppProcess.start(f, url, null, poolSize, entities, workDir.resolve("startup"),
                            List.of())) {
                        AppProcess.Ready r = app.awaitReady(240);
                        Startup st = new Startup(f.id(), entities, rep, r.wallMs(), r.uptimeMs() - r.generateMs(),
                                r.databaseSetupMs());
                        out.add(st);
                        System.out.printf(Locale.ROOT, "   %-10s %3d entities: launch to serving %5d ms, JVM uptime"
                                        + " less class generation %5d ms, database setup %5d ms%n", f.id(), entities,
                                st.wallMs(), st.readyMs(), st.databaseSetupMs());
                    }
                }
            }
        }
        return out;
    }
}
