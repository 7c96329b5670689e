package dk.dealfinder.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition with a deadline, instead of sleeping a fixed time and hoping. */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Await() {}

    /**
     * Returns as soon as {@code condition} is true; fails with {@code description} when the
     * deadline passes first. Exceptions thrown by the condition count as "not yet".
     */
    public static void until(Duration timeout, String description, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error =
                        new AssertionError(
                                "timed out after " + timeout + " waiting for: " + description);
                if (last != null) {
                    error.addSuppressed(last);
                }
                throw error;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
