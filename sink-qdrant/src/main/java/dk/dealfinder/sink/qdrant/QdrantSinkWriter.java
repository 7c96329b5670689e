package dk.dealfinder.sink.qdrant;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.qdrant.client.QdrantClient;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the batches {@link AsyncSinkWriter} forms to Qdrant, one request per batch. Transient
 * failures are retried here with exponential backoff, holding the batch's in-flight slot so the
 * writer backs off instead of piling on; anything else fails the job with Qdrant's reason. With
 * several requests in flight, {@link PointOrdering} holds a batch back until the earlier batches
 * writing to its points are done, so every point sees its writes in the order they arrived.
 */
public final class QdrantSinkWriter<InputT> extends AsyncSinkWriter<InputT, QdrantPointWrite> {

    private static final Logger LOG = LoggerFactory.getLogger(QdrantSinkWriter.class);

    private final QdrantWriterOptions options;
    private final QdrantClient client;
    private final QdrantSinkMetrics metrics;
    private final ScheduledExecutorService retryTimer;
    private final PointOrdering ordering = new PointOrdering();

    QdrantSinkWriter(
            ElementConverter<InputT, QdrantPointWrite> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<QdrantPointWrite>> states,
            QdrantWriterOptions options) {
        super(elementConverter, context, configuration, states);
        this.options = options;
        this.metrics = new QdrantSinkMetrics(context.metricGroup());
        this.client = options.connection().open();
        this.retryTimer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "qdrant-sink-retries");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            new CollectionBootstrap(
                            client, options.collection(), options.connection().callTimeout())
                    .ensureCollection();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    protected void submitRequestEntries(
            List<QdrantPointWrite> writes, ResultHandler<QdrantPointWrite> handler) {
        PointOrdering.Turn turn =
                ordering.admit(writes.stream().map(QdrantPointWrite::pointId).toList());
        if (turn.waits()) {
            metrics.heldForOrder();
        }
        turn.whenReady(
                earlierFailure -> {
                    Batch batch = new Batch(writes, handler, turn, System.nanoTime());
                    if (earlierFailure == null) {
                        send(batch, 1);
                    } else {
                        fail(
                                batch,
                                new QdrantSinkException(
                                        "Qdrant batch of "
                                                + writes.size()
                                                + " writes not sent: an earlier write to one of"
                                                + " its points failed",
                                        earlierFailure));
                    }
                });
    }

    /** A batch on its way: its writes, Flink's handle on it and its place in the point order. */
    private record Batch(
            List<QdrantPointWrite> writes,
            ResultHandler<QdrantPointWrite> handler,
            PointOrdering.Turn turn,
            long startNanos) {}

    private void send(Batch batch, int attempt) {
        String collection = options.collection().name();
        boolean wait = options.waitForApply();
        List<QdrantPointWrite> writes = batch.writes();
        ListenableFuture<?> call =
                QdrantWriteRequests.onlyUpserts(writes)
                        ? client.upsertAsync(QdrantWriteRequests.upsert(collection, wait, writes))
                        : client.batchUpdateAsync(
                                QdrantWriteRequests.batch(collection, wait, writes),
                                options.connection().callTimeout());
        Futures.addCallback(
                call,
                new FutureCallback<Object>() {
                    @Override
                    public void onSuccess(Object result) {
                        long millis =
                                TimeUnit.NANOSECONDS.toMillis(
                                        System.nanoTime() - batch.startNanos());
                        batch.turn().finished();
                        metrics.batchWritten(writes, millis);
                        batch.handler().complete();
                    }

                    @Override
                    public void onFailure(Throwable failure) {
                        handleFailure(batch, attempt, failure);
                    }
                },
                MoreExecutors.directExecutor());
    }

    private void handleFailure(Batch batch, int attempt, Throwable failure) {
        RetryPolicy policy = options.retryPolicy();
        if (QdrantFailures.isRetryable(failure) && attempt < policy.maxAttempts()) {
            long backoffMs = policy.backoffBefore(attempt + 1).toMillis();
            metrics.retried();
            LOG.warn(
                    "Qdrant write of {} points failed ({}), attempt {} of {}; retrying in {} ms",
                    batch.writes().size(),
                    QdrantFailures.describe(failure),
                    attempt,
                    policy.maxAttempts(),
                    backoffMs);
            retryTimer.schedule(() -> send(batch, attempt + 1), backoffMs, TimeUnit.MILLISECONDS);
            return;
        }
        String reason =
                QdrantFailures.isRetryable(failure)
                        ? "gave up after " + attempt + " attempts"
                        : "not retryable";
        fail(
                batch,
                new QdrantSinkException(
                        "Qdrant rejected a batch of "
                                + batch.writes().size()
                                + " points for collection "
                                + options.collection().name()
                                + " at "
                                + options.connection()
                                + " ("
                                + reason
                                + "): "
                                + QdrantFailures.describe(failure),
                        failure));
    }

    private void fail(Batch batch, QdrantSinkException failure) {
        metrics.failed();
        batch.turn().failed(failure);
        batch.handler().completeExceptionally(failure);
    }

    @Override
    protected long getSizeInBytes(QdrantPointWrite write) {
        return write.sizeInBytes();
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        client.close();
        super.close();
    }
}
