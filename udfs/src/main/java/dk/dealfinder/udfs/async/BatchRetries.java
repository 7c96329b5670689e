package dk.dealfinder.udfs.async;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Predicate;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.apache.flink.util.Preconditions;

/**
 * The retry strategy for a {@link BatchingAsyncFunction} under {@code
 * AsyncDataStream.unorderedWaitWithRetry}: a record whose result is a fallback is invoked again
 * (and so joins a later batch) with exponential backoff; when the attempts are spent its fallback
 * result is emitted, so the job never fails on a flaky backend.
 */
public final class BatchRetries {

    private BatchRetries() {}

    /** Tells a fallback result from a real one; serializable because the job graph ships it. */
    @FunctionalInterface
    public interface FallbackTest<OUT> extends Predicate<OUT>, Serializable {}

    public static <OUT> AsyncRetryStrategy<OUT> onFallback(
            int maxAttempts, Duration initialBackoff, FallbackTest<OUT> isFallback) {
        Preconditions.checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1");
        long initial = Math.max(1, initialBackoff.toMillis());
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<OUT>(
                        maxAttempts, initial, initial * 16, 2.0)
                .ifResult(new AnyFallback<>(isFallback))
                .ifException(new AnyException())
                .build();
    }

    private record AnyFallback<OUT>(FallbackTest<OUT> isFallback)
            implements Predicate<Collection<OUT>>, Serializable {
        @Override
        public boolean test(Collection<OUT> results) {
            return results.stream().anyMatch(isFallback);
        }
    }

    private static final class AnyException implements Predicate<Throwable>, Serializable {
        @Override
        public boolean test(Throwable error) {
            return true;
        }
    }
}
