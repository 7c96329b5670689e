package dk.dealfinder.udfs.async;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * A batching function for tests: upper-cases its inputs, records every batch it was given, can hold
 * batches until {@link #release()} and fails batches that contain a poisoned input.
 */
final class RecordingBatchFunction extends BatchingAsyncFunction<String, String> {

    final ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
    private final CountDownLatch gate;
    private final Set<String> poisoned;

    RecordingBatchFunction(
            int maxBatchSize, Duration maxBatchDelay, boolean held, Set<String> poisoned) {
        super(new BatchSettings(maxBatchSize, maxBatchDelay, 2));
        this.gate = new CountDownLatch(held ? 1 : 0);
        this.poisoned = poisoned;
    }

    static RecordingBatchFunction answering(int maxBatchSize, Duration maxBatchDelay) {
        return new RecordingBatchFunction(maxBatchSize, maxBatchDelay, false, Set.of());
    }

    void release() {
        gate.countDown();
    }

    @Override
    protected List<String> processBatch(List<String> batch) throws Exception {
        batches.add(batch);
        gate.await();
        if (batch.stream().anyMatch(poisoned::contains)) {
            throw new IllegalStateException("poisoned batch");
        }
        return batch.stream().map(String::toUpperCase).toList();
    }

    @Override
    protected String fallback(String input, Throwable cause) {
        return "fallback:" + input;
    }
}
