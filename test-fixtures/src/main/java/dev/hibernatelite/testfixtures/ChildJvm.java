package dev.hibernatelite.testfixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an application's {@code main} in a JVM of its own, with this test's class path, as a user
 * runs {@code java -jar app.jar ...}: for what only a separate process shows ({@code db shell}
 * reading standard input, a JVM that must exit). The message ids in its output are recorded for
 * the catalogue check.
 */
public final class ChildJvm {
    /**
     * What the JVM did.
     *
     * @param exitCode its exit code
     * @param out what it printed, standard output and error together
     */
    public record Result(int exitCode, String out) {
    }

    private ChildJvm() {
    }

    /**
     * @param main the class whose {@code main} runs
     * @param arguments its arguments
     * @param stdin what is typed into it; its standard input is closed afterwards
     * @param timeout how long it may take to exit
     * @return the exit code and the output
     * @throws AssertionError if it does not exit in time (it is killed)
     */
    public static Result run(Class<?> main, List<String> arguments, String stdin, Duration timeout) {
        Process process = start(main, arguments);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ProducedMessagesRecorder.recordSeen(out);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not exit within " + timeout + "; it printed:\n"
                        + out);
            }
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Starts the JVM and leaves it running: the caller reads its output and ends it.
     *
     * @param main the class whose {@code main} runs
     * @param arguments its arguments
     * @return the process, standard error redirected into standard output
     */
    public static Process start(Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + main.getName(), e);
        }
    }
}
