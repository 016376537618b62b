package dev.hibernatelite.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.Optional;

/**
 * Prints one summary line per fault scenario (each test of a class extended with it) in the test
 * output: {@code SCENARIO <class> / <test>: passed|FAILED (cause)}.
 */
public final class Scenario implements TestWatcher {
    @Override
    public void testSuccessful(ExtensionContext context) {
        print(context, "passed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print(context, "FAILED (" + cause + ")");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        print(context, "ABORTED (" + cause + ")");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        print(context, "DISABLED");
    }

    private static void print(ExtensionContext context, String outcome) {
        System.out.println("SCENARIO " + context.getRequiredTestClass().getSimpleName() + " / "
                + context.getDisplayName() + ": " + outcome);
    }
}
