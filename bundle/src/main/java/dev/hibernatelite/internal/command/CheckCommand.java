package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.message.Secrets;
import dev.hibernatelite.internal.engine.DatabaseInfo;
import dev.hibernatelite.internal.engine.DatabaseProbe;
import dev.hibernatelite.internal.runtime.BundleRuntime;
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
 * outside any pool, bounded by the engine's {@code maxWaitForConnection}), prints a table of
 * what answered, and fails if any did not.
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
        Map<String, EngineSettings> engines = runtime.spec().validate(configuration).sync();
        List<String[]> rows = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (EngineSettings engine : engines.values()) {
            long start = System.nanoTime();
            try {
                DatabaseInfo info = DatabaseProbe.probe(engine, engine.maxWaitMillis());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                rows.add(new String[] {engine.name(), engine.maskedUrl(),
                        info.describe(), millis + " ms", "up"});
            } catch (Exception e) {
                down.add(engine.name());
                rows.add(new String[] {engine.name(), engine.maskedUrl(), "-", "-",
                        "DOWN: " + Secrets.describe(e, engine.password())});
            }
        }
        print(rows, out);
        if (!down.isEmpty()) {
            throw new CommandFailedException(Messages.enginesDown(down.size(), engines.size(), down));
        }
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
