package dev.hibernatelite.testfixtures;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes, when a module's tests end, the message ids (HLxxx) its tests made the bundle produce,
 * to {@code target/produced-messages.txt}: the catalogue check (every id produced by at least
 * one test) reads every module's file. Registered as a JUnit Platform listener through
 * {@code META-INF/services}, so every module with this artifact on its test class path records.
 * The bundle is found by reflection, as this artifact does not depend on it.
 */
public final class ProducedMessagesRecorder implements TestExecutionListener {
    /** Where each module's ids go, relative to the module's directory. */
    public static final Path FILE = Path.of("target", "produced-messages.txt");

    private static final Pattern ID = Pattern.compile("\\bHL\\d{3}(?=: )");
    private static final Set<String> SEEN_IN_OTHER_JVMS = new ConcurrentSkipListSet<>();

    /**
     * Records the ids in what another JVM printed (a {@code db shell} process, an application
     * started with {@code java}), for tests that assert on that output.
     *
     * @param output what the other JVM printed
     */
    public static void recordSeen(String output) {
        Matcher ids = ID.matcher(output);
        while (ids.find()) {
            SEEN_IN_OTHER_JVMS.add(ids.group());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Set<String> ids = producedInThisJvm();
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, ids);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + FILE.toAbsolutePath(), e);
        }
    }

    /**
     * @return the ids the bundle formatted in this JVM so far, and those {@link #recordSeen seen} in
     *         other JVMs' output
     */
    public static Set<String> producedInThisJvm() {
        Set<String> ids = new TreeSet<>(SEEN_IN_OTHER_JVMS);
        try {
            Class<?> catalogue = Class.forName("dev.hibernatelite.internal.message.Message");
            Method produced = catalogue.getMethod("produced");
            Method id = catalogue.getMethod("id");
            for (Object message : (Collection<?>) produced.invoke(null)) {
                ids.add((String) id.invoke(message));
            }
        } catch (ClassNotFoundException notHere) {
            return ids;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the message catalogue changed shape: " + e, e);
        }
        return ids;
    }
}
