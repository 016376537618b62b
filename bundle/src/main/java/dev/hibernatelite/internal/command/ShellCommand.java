package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.runtime.BundleRuntime;
import dev.hibernatelite.internal.engine.SyncEngines;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import jdk.jshell.tool.JavaShellToolBuilder;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code db shell [--engine NAME] config.yml}: JShell inside the application's JVM, with every
 * bound entity imported, Hibernate's and Jakarta Persistence's query types imported, {@code db}
 * bound to the bundle and a context open, so that {@code db.session()} works at once: the
 * Java form of flask-sqlalchemy-lite's populated {@code flask shell}. Nothing is committed
 * unless {@code db.commit()} is called; leaving the shell rolls back the rest.
 *
 * @param <C> the application's configuration type
 */
final class ShellCommand<C extends Configuration> implements DbSubcommand<C> {
    private static final List<String> PACKAGES = List.of("org.hibernate", "org.hibernate.query", "jakarta.persistence",
            "jakarta.persistence.criteria", "java.time");

    private final BundleRuntime<C> runtime;
    private final Object bundle;

    ShellCommand(BundleRuntime<C> runtime, Object bundle) {
        this.runtime = runtime;
        this.bundle = bundle;
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String description() {
        return "Open JShell in the application, with the entities imported, db bound and a context open";
    }

    @Override
    public void configure(Subparser parser) {
        EngineSelection.addOption(parser, "the engine db.session() uses in the shell (default: default)", false);
    }

    @Override
    public void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration, PrintStream out) throws Exception {
        Set<String> selected = EngineSelection.selected(runtime, configuration, namespace);
        String engine = selected == null ? SyncEngines.DEFAULT : selected.iterator().next();
        Map<String, EngineSettings> settings = runtime.spec().validate(configuration).sync();
        Path startup = Files.createTempFile("hibernate-lite-shell", ".jsh");
        try (AutoCloseable running = runtime.startForShell(configuration, bootstrap.getMetricRegistry(), engine)) {
            ShellBridge.set(bundle);
            List<String> imports = new ArrayList<>();
            Files.writeString(startup, startupScript(imports), StandardCharsets.UTF_8);
            out.println(banner(bootstrap.getApplication().getName(), settings, engine, imports));
            out.flush();
            // JShell reports a snippet's exception on its command channels (output once interactive):
            // an unknown entity gets HL231 after it. The console and the snippets' own output are left alone.
            PrintStream commands = new PrintStream(new ShellHints(System.out, runtime.spec().bindings()), true,
                    StandardCharsets.UTF_8);
            PrintStream errors = new PrintStream(new ShellHints(System.err, runtime.spec().bindings()), true,
                    StandardCharsets.UTF_8);
            int status = JavaShellToolBuilder.builder().out(commands, System.out, System.out).err(errors, System.err)
                    .start("--execution", "local",
                    "--class-path", existingClassPath(),
                    "--startup", "DEFAULT", "--startup", startup.toString(),
                    "--feedback", "concise");
            if (status != 0) {
                throw new CommandFailedException(Messages.shellFailed(status));
            }
        } finally {
            ShellBridge.set(null);
            Files.deleteIfExists(startup);
        }
        out.println("db shell: context closed; uncommitted work rolled back, engines closed.");
    }

    /** JShell refuses a class path with an entry that does not exist (a build's empty output folder). */
    private static String existingClassPath() {
        StringBuilder path = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
                path.append(path.length() == 0 ? "" : File.pathSeparator).append(entry);
            }
        }
        return path.toString();
    }

    private String startupScript(List<String> imported) {
        StringBuilder script = new StringBuilder();
        PACKAGES.forEach(p -> script.append("import ").append(p).append(".*;\n"));
        Map<String, Class<?>> bySimpleName = new TreeMap<>();
        runtime.spec().bindings().all().keySet().forEach(type -> bySimpleName.putIfAbsent(type.getSimpleName(), type));
        bySimpleName.values().forEach(type -> {
            script.append("import ").append(type.getName()).append(";\n");
            imported.add(type.getSimpleName());
        });
        script.append("dev.hibernatelite.HibernateLite<?> db = (dev.hibernatelite.HibernateLite<?>) ")
                .append(ShellBridge.class.getName()).append(".bundle();\n");
        return script.toString();
    }

    private String banner(String application, Map<String, EngineSettings> settings, String defaultEngine,
                          List<String> imported) {
        StringBuilder banner = new StringBuilder("db shell for ").append(application).append('\n');
        Map<String, List<String>> entities = new LinkedHashMap<>();
        runtime.spec().bindings().all().forEach((type, name) ->
                entities.computeIfAbsent(name, k -> new ArrayList<>()).add(type.getSimpleName()));
        for (EngineSettings engine : settings.values()) {
            banner.append("  engine ").append(engine.name()).append(" (").append(engine.maskedUrl()).append(')')
                    .append(engine.name().equals(defaultEngine) ? ", used by db.session()" : "")
                    .append(": ").append(String.join(", ", entities.getOrDefault(engine.name(), List.of("no entities"))))
                    .append('\n');
        }
        banner.append("  db        the bundle: db.session(), db.session(\"name\"), db.commit(), db.rollback()\n")
                .append("  imported  ").append(String.join(", ", imported)).append(", ")
                .append(String.join(".*, ", PACKAGES)).append(".*\n")
                .append("  A context is open: nothing is committed unless you call db.commit(); /exit rolls back the rest.\n")
                .append("  Try: ").append(example(entities, defaultEngine, settings.keySet()));
        return banner.toString();
    }

    /**
     * A query to paste: on an entity of the engine {@code db.session()} uses, else through the
     * session of the first engine that has entities (an entity is known only to its engine's sessions).
     */
    private static String example(Map<String, List<String>> entities, String defaultEngine, Set<String> engines) {
        String engine = entities.containsKey(defaultEngine) ? defaultEngine
                : engines.stream().filter(entities::containsKey).findFirst().orElse(null);
        if (engine == null) {
            return "db.session().createNativeQuery(\"select 1\", Integer.class).getSingleResult()";
        }
        String entity = entities.get(engine).stream().sorted().findFirst().orElseThrow();
        String session = engine.equals(defaultEngine) ? "db.session()" : "db.session(\"" + engine + "\")";
        return session + ".createSelectionQuery(\"from " + entity + "\", " + entity + ".class).getResultList()";
    }
}
