package dk.dealfinder.udfs.inference.triton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a server that keeps failing: after {@code failuresToOpen} consecutive failures it
 * opens for {@code openFor}; then one trial call is let through, and its outcome closes or reopens
 * it. While open, callers fall back at once instead of waiting for timeouts.
 */
final class CircuitBreaker {

    private final int failuresToOpen;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil = Instant.MIN;

    CircuitBreaker(int failuresToOpen, Duration openFor, Clock clock) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.clock = clock;
    }

    synchronized boolean allowsCall() {
        return !clock.instant().isBefore(openUntil);
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = Instant.MIN;
    }

    synchronized void failed() {
        failures++;
        if (failures >= failuresToOpen) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized boolean isOpen() {
        return clock.instant().isBefore(openUntil);
    }
}
