package dk.dealfinder.udfs.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.util.concurrent.ExecutorThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async function that answers records in batches: a model or a remote service is much faster per
 * record when it gets many at once. Records wait in a small buffer until {@link
 * BatchSettings#maxBatchSize()} have arrived or the oldest has waited {@link
 * BatchSettings#maxBatchDelay()}; the batch then runs on a worker thread and every record's {@link
 * ResultFuture} is completed from the batch result.
 *
 * <p>The buffer holds nothing but references to records that Flink's {@code AsyncWaitOperator}
 * already keeps in its checkpointed queue, so a restore re-invokes this function for every record
 * that had no result yet: none is lost and none is answered twice. A failed batch and a timeout
 * emit {@link #fallback} results instead of failing the job; {@link BatchRetries} can retry those.
 */
public abstract class BatchingAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingAsyncFunction.class);

    private final BatchSettings settings;

    private transient Object lock;
    private transient List<Pending<IN, OUT>> pending;
    private transient ScheduledFuture<?> scheduledFlush;
    private transient ScheduledExecutorService timer;
    private transient ExecutorService workers;
    private transient volatile boolean closed;
    private transient Counter batches;
    private transient Counter batchedRecords;
    private transient Counter fallbacks;

    protected BatchingAsyncFunction(BatchSettings settings) {
        this.settings = settings;
    }

    /**
     * Answers a batch: one result per input, in input order. Runs on a worker thread; may block.
     * Throwing fails the whole batch, which then gets fallback results.
     */
    protected abstract List<OUT> processBatch(List<IN> batch) throws Exception;

    /** The result for a record whose batch failed or timed out. Must not throw. */
    protected abstract OUT fallback(IN input, Throwable cause);

    @Override
    public void open(OpenContext openContext) throws Exception {
        lock = new Object();
        pending = new ArrayList<>();
        closed = false;
        String name = getClass().getSimpleName();
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        new ExecutorThreadFactory(name + "-flush"));
        workers =
                Executors.newFixedThreadPool(
                        settings.concurrency(), new ExecutorThreadFactory(name + "-batch"));
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("batching");
        batches = metrics.counter("batches");
        batchedRecords = metrics.counter("batchedRecords");
        fallbacks = metrics.counter("fallbacks");
    }

    @Override
    public void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) {
        List<Pending<IN, OUT>> full = null;
        synchronized (lock) {
            pending.add(new Pending<>(input, resultFuture));
            if (pending.size() >= settings.maxBatchSize()) {
                full = drainLocked();
            } else if (pending.size() == 1) {
                scheduledFlush =
                        timer.schedule(
                                this::flush,
                                settings.maxBatchDelay().toMillis(),
                                TimeUnit.MILLISECONDS);
            }
        }
        if (full != null) {
            submit(full);
        }
    }

    @Override
    public void timeout(IN input, ResultFuture<OUT> resultFuture) {
        fallbacks.inc();
        resultFuture.complete(List.of(fallback(input, new TimeoutException("async timeout"))));
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdownNow();
        }
        super.close();
    }

    private void flush() {
        List<Pending<IN, OUT>> batch;
        synchronized (lock) {
            batch = drainLocked();
        }
        submit(batch);
    }

    private List<Pending<IN, OUT>> drainLocked() {
        if (scheduledFlush != null) {
            scheduledFlush.cancel(false);
            scheduledFlush = null;
        }
        List<Pending<IN, OUT>> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }

    private void submit(List<Pending<IN, OUT>> batch) {
        if (!batch.isEmpty() && !closed) {
            workers.execute(() -> run(batch));
        }
    }

    private void run(List<Pending<IN, OUT>> batch) {
        List<IN> inputs = batch.stream().map(Pending::input).toList();
        batches.inc();
        batchedRecords.inc(inputs.size());
        List<OUT> results;
        try {
            results = processBatch(inputs);
            if (results.size() != inputs.size()) {
                throw new IllegalStateException(
                        "batch of " + inputs.size() + " answered with " + results.size());
            }
        } catch (Exception e) {
            if (closed) {
                // Shut down mid-batch: the records are in the operator's checkpointed queue.
                return;
            }
            LOG.warn("batch of {} failed, emitting fallbacks: {}", inputs.size(), e.toString());
            fallbacks.inc(inputs.size());
            results = inputs.stream().map(in -> fallback(in, e)).toList();
        }
        if (closed) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).resultFuture().complete(List.of(results.get(i)));
        }
    }

    private record Pending<IN, OUT>(IN input, ResultFuture<OUT> resultFuture) {}
}
