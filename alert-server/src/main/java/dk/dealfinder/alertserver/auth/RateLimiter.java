package dk.dealfinder.alertserver.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per user on this replica: {@code burst} requests at once, refilled at {@code
 * perMinute}. Replicas limit independently, so N replicas allow up to N times the rate; the limit
 * is there to stop a runaway script, not to meter.
 */
public final class RateLimiter {

    /** Buckets idle this long are full again and can be forgotten. */
    private static final long FORGET_AFTER_NANOS = 10L * 60 * 1_000_000_000;

    private static final int PRUNE_ABOVE = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "rate limit needs perMinute >= 1 and burst >= 1, got "
                            + perMinute
                            + "/"
                            + burst);
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime);
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return 0 when allowed, else the seconds until the next request would be
     */
    public long acquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> now - b.updatedAt > FORGET_AFTER_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens =
                    Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - bucket.tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
