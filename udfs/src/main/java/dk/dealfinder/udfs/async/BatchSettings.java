package dk.dealfinder.udfs.async;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.Preconditions;

/**
 * How a {@link BatchingAsyncFunction} groups records: a batch is sent when it holds {@code
 * maxBatchSize} records or when its oldest record has waited {@code maxBatchDelay}, whichever comes
 * first; at most {@code concurrency} batches are in flight at once.
 */
public record BatchSettings(int maxBatchSize, Duration maxBatchDelay, int concurrency)
        implements Serializable {

    public BatchSettings {
        Preconditions.checkArgument(maxBatchSize >= 1, "maxBatchSize must be at least 1");
        Preconditions.checkArgument(
                maxBatchDelay != null && !maxBatchDelay.isNegative(),
                "maxBatchDelay must be zero or positive");
        Preconditions.checkArgument(concurrency >= 1, "concurrency must be at least 1");
    }
}
