package dk.dealfinder.scraper.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per host, shared by every feed of a reader, so many saved queries against one site
 * still add up to the configured rate. Also holds pauses a host asked for ({@code Retry-After}) and
 * backoff pauses after failures, so every feed waits them out, not just the one that was told.
 */
public final class HostThrottle {

    private final long intervalNanos;
    private final int burst;
    private final HostClock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        /** The theoretical arrival time of the next request (GCRA). */
        long nextArrival;

        long pausedUntil;

        Bucket(long now) {
            this.nextArrival = now;
            this.pausedUntil = now;
        }
    }

    public HostThrottle(double permitsPerSecond, int burst, HostClock clock) {
        this.intervalNanos = (long) (1_000_000_000L / permitsPerSecond);
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Waits until {@code host} may get a request, spacing requests at least {@code minInterval}
     * apart on top of the rate (robots.txt's Crawl-delay). Gives up without taking a token when the
     * wait would be longer than {@code maxWait}, returning how long it would have been.
     */
    public Optional<Duration> acquire(String host, Duration minInterval, Duration maxWait)
            throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            Bucket bucket = buckets.computeIfAbsent(host, h -> new Bucket(now));
            long interval = Math.max(intervalNanos, minInterval.toNanos());
            long earliest =
                    Math.max(
                            now,
                            Math.max(
                                    bucket.nextArrival - (burst - 1) * interval,
                                    bucket.pausedUntil));
            wait = earliest - now;
            if (wait > maxWait.toNanos()) {
                return Optional.of(Duration.ofNanos(wait));
            }
            bucket.nextArrival = Math.max(bucket.nextArrival, earliest) + interval;
        }
        if (wait > 0) {
            clock.sleepNanos(wait);
        }
        return Optional.empty();
    }

    /** No request goes to {@code host} for {@code pause} from now (or longer, if already so). */
    public synchronized void pause(String host, Duration pause) {
        long now = clock.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(host, h -> new Bucket(now));
        bucket.pausedUntil = Math.max(bucket.pausedUntil, now + pause.toNanos());
    }

    /** How long {@code host} is still paused; zero when it is not. */
    public synchronized Duration pausedFor(String host) {
        Bucket bucket = buckets.get(host);
        long left = bucket == null ? 0 : bucket.pausedUntil - clock.nanoTime();
        return Duration.ofNanos(Math.max(0, left));
    }
}
