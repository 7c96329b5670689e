package dk.dealfinder.sink.qdrant;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.Preconditions;

/**
 * Exponential backoff for transient Qdrant failures: the n-th retry waits {@code initialBackoff *
 * 2^(n-1)}, capped at {@code maxBackoff}, and a request is given up after {@code maxAttempts}.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts)
        implements Serializable {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), 10);

    public RetryPolicy {
        Preconditions.checkArgument(
                !initialBackoff.isNegative() && !initialBackoff.isZero(),
                "initial backoff must be positive");
        Preconditions.checkArgument(
                maxBackoff.compareTo(initialBackoff) >= 0,
                "max backoff %s is below the initial backoff %s",
                maxBackoff,
                initialBackoff);
        Preconditions.checkArgument(maxAttempts >= 1, "max attempts must be at least 1");
    }

    /** The wait before attempt {@code attempt} (2 is the first retry). */
    public Duration backoffBefore(int attempt) {
        Preconditions.checkArgument(attempt >= 2, "attempt %s is not a retry", attempt);
        int doublings = Math.min(attempt - 2, 30);
        long millis = initialBackoff.toMillis() << doublings;
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }

    /** The longest a request can spend in backoff over all its attempts. */
    public Duration totalBackoff() {
        Duration total = Duration.ZERO;
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total = total.plus(backoffBefore(attempt));
        }
        return total;
    }
}
