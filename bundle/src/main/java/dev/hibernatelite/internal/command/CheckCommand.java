package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.engine.DatabaseInfo;
import dev.hibernatelite.internal.engine.DatabaseProbe;
import dev.hibernatelite.internal.engine.HeldDatabases;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.runtime.BundleSpec;
import dev.hibernatelite.internal.async.AsyncEngines;
import dev.hibernatelite.internal.config.AsyncEngineSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code db check config.yml}: connects to every engine's database (one connection each,
 * outside any pool, bounded by the engine's {@code maxWaitForConnection}; async engines through
 * their Vert.x client, {@code SELECT 1}), prints a table of what answered, and fails if any did not.
 *
 * @param <C> the application's configuration type
 */
final class CheckCommand<C extends Configuration> implements DbSubcommand<C> {
    private static final String[] HEADINGS = {"ENGINE", "URL", "DATABASE", "LATENCY", "STATUS"};

    private final BundleRuntime<C> runtime;

    CheckCommand(BundleRuntime<C> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String description() {
        return "Connect to every engine's database and report which answer (exit code 1 if any does not)";
    }

    @Override
    public void configure(Subparser parser) {
        // no options: every engine is checked
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) {
        BundleSpec.Settings settings = runtime.spec().validate(configuration);
        List<String[]> rows = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (EngineSettings engine : settings.sync().values()) {
            long start = System.nanoTime();
            try {
                DatabaseInfo info = DatabaseProbe.probe(engine, engine.maxWaitMillis());
                rows.add(new String[] {engine.name(), engine.maskedUrl(), info.describe(), millisSince(start) + " ms", "up"});
            } catch (Exception e) {
                down.add(engine.name());
                rows.add(new String[] {engine.name(), engine.maskedUrl(), "-", "-",
                        "DOWN: " + Secrets.describe(e, engine.password()) + HeldDatabases.hint(e, engine.configuredUrl())});
            }
        }
        checkAsync(settings.async(), rows, down);
        print(rows, out);
        int all = settings.sync().size() + settings.async().size();
        if (!down.isEmpty()) {
            throw new CommandFailedException(Messages.enginesDown(down.size(), all, down));
        }
    }

    /**
     * Async engines answer through their own client (Vert.x), as the application's requests would;
     * each is started on its own, so that one that is down does not hide the others.
     */
    private void checkAsync(Map<String, AsyncEngineSettings> async, List<String[]> rows, List<String> down) {
        for (AsyncEngineSettings engine : async.values()) {
            long start = System.nanoTime();
            try (AsyncEngines started = AsyncEngines.start(Map.of(engine.name(), engine),
                    runtime.spec().bindings()::entitiesOf)) {
                started.ping(engine.name(), engine.maxWaitMillis());
                rows.add(new String[] {engine.name() + " (async)", engine.maskedUrl(), engine.scheme(),
                        millisSince(start) + " ms", "up"});
            } catch (RuntimeException e) {
                down.add(engine.name());
                rows.add(new String[] {engine.name() + " (async)", engine.maskedUrl(), "-", "-",
                        "DOWN: " + Secrets.describe(rootCause(e), engine.password())});
            }
        }
    }

    /** @return the database's own error, under Hibernate's and the bundle's wrappers */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void print(List<String[]> rows, PrintStream out) {
        int[] widths = new int[HEADINGS.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADINGS);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
