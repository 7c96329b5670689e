package dk.dealfinder.scraper.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A circuit breaker per host: after {@code threshold} failures in a row the host gets no requests
 * for {@code openFor}; then one trial request decides whether it closes again or stays open.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private final HostClock clock;
    private final Map<String, Circuit> circuits = new HashMap<>();

    private static final class Circuit {
        int failuresInARow;
        long openUntil;
        boolean open;
    }

    public CircuitBreaker(int threshold, Duration openFor, HostClock clock) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a request may go to {@code host} now; true for the trial of a half-open circuit. */
    public synchronized boolean allows(String host) {
        Circuit c = circuits.get(host);
        return c == null || !c.open || clock.nanoTime() >= c.openUntil;
    }

    public synchronized void success(String host) {
        circuits.remove(host);
    }

    /** Counts a failure; returns true when this failure opened (or re-opened) the circuit. */
    public synchronized boolean failure(String host) {
        Circuit c = circuits.computeIfAbsent(host, h -> new Circuit());
        c.failuresInARow++;
        if (c.open || c.failuresInARow >= threshold) {
            c.open = true;
            c.openUntil = clock.nanoTime() + openForNanos;
            return true;
        }
        return false;
    }
}
