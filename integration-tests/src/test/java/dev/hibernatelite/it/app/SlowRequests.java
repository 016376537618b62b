package dev.hibernatelite.it.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a test hold requests inside the resource method, and know when they got there. */
public final class SlowRequests {
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private final Semaphore arrived = new Semaphore(0);

    /** From now on, slow requests wait until {@link #release()}. */
    public void hold() {
        release = new CountDownLatch(1);
        gate = new CompletableFuture<>();
    }

    public void release() {
        release.countDown();
        gate.complete(null);
    }

    /** @return whether {@code count} slow requests arrived within the bound */
    public boolean awaitArrivals(int count, long seconds) throws InterruptedException {
        return arrived.tryAcquire(count, seconds, TimeUnit.SECONDS);
    }

    /** For async resources: arrives, and gives a stage that completes when the test releases. */
    CompletionStage<Void> arriveAndGate() {
        arrived.release();
        return gate;
    }

    void arriveAndWait() throws InterruptedException {
        arrived.release();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the slow request");
        }
    }
}
