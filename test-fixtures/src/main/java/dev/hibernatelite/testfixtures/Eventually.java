package dev.hibernatelite.testfixtures;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that becomes true asynchronously (a session closed after the response
 * was sent), polling it with a bound: the test fails, with a description, if it never holds.
 */
public final class Eventually {
    private Eventually() {
    }

    public static void await(String what, Duration bound, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + bound + ": expected " + what + ", but " + state.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
