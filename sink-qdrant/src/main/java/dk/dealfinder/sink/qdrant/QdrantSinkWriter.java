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
 * writer backs off instead of piling on; anything else fails the job with Qdrant's reason.
 */
public final class QdrantSinkWriter<InputT> extends AsyncSinkWriter<InputT, QdrantPointWrite> {

    private static final Logger LOG = LoggerFactory.getLogger(QdrantSinkWriter.class);

    private final QdrantWriterOptions options;
    private final QdrantClient client;
    private final QdrantSinkMetrics metrics;
    private final ScheduledExecutorService retryTimer;

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
        send(writes, handler, 1, System.nanoTime());
    }

    private void send(
            List<QdrantPointWrite> writes,
            ResultHandler<QdrantPointWrite> handler,
            int attempt,
            long startNanos) {
        String collection = options.collection().name();
        boolean wait = options.waitForApply();
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
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                        metrics.batchWritten(writes.size(), millis);
                        handler.complete();
                    }

                    @Override
                    public void onFailure(Throwable failure) {
                        handleFailure(writes, handler, attempt, startNanos, failure);
                    }
                },
                MoreExecutors.directExecutor());
    }

    private void handleFailure(
            List<QdrantPointWrite> writes,
            ResultHandler<QdrantPointWrite> handler,
            int attempt,
            long startNanos,
            Throwable failure) {
        RetryPolicy policy = options.retryPolicy();
        if (QdrantFailures.isRetryable(failure) && attempt < policy.maxAttempts()) {
            long backoffMs = policy.backoffBefore(attempt + 1).toMillis();
            metrics.retried();
            LOG.warn(
                    "Qdrant write of {} points failed ({}), attempt {} of {}; retrying in {} ms",
                    writes.size(),
                    QdrantFailures.describe(failure),
                    attempt,
                    policy.maxAttempts(),
                    backoffMs);
            retryTimer.schedule(
                    () -> send(writes, handler, attempt + 1, startNanos),
                    backoffMs,
                    TimeUnit.MILLISECONDS);
            return;
        }
        metrics.failed();
        String reason =
                QdrantFailures.isRetryable(failure)
                        ? "gave up after " + attempt + " attempts"
                        : "not retryable";
        handler.completeExceptionally(
                new QdrantSinkException(
                        "Qdrant rejected a batch of "
                                + writes.size()
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
