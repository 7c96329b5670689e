package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A batched, idempotent Flink sink for Qdrant. Batching, in-flight limits and the flush of every
 * buffered write on checkpoint come from {@link AsyncSinkBase}; with {@code wait=true} a completed
 * checkpoint therefore means the points are applied in Qdrant. Point ids derive from listing keys,
 * so the replays after a restore overwrite points instead of duplicating them. Build one with
 * {@link #builder()} or, for listings, {@link #forListings()}.
 */
public final class QdrantSink<InputT> extends AsyncSinkBase<InputT, QdrantPointWrite> {

    private static final long serialVersionUID = 1L;

    private final QdrantWriterOptions options;

    QdrantSink(
            ElementConverter<InputT, QdrantPointWrite> elementConverter,
            QdrantBatching batching,
            QdrantWriterOptions options) {
        super(
                elementConverter,
                batching.maxBatchSize(),
                batching.maxInFlightRequests(),
                batching.maxBufferedRequests(),
                batching.maxBatchSizeInBytes(),
                batching.maxTimeInBufferMs(),
                batching.maxRecordSizeInBytes(),
                requestTimeoutMs(options, batching.maxInFlightRequests()),
                true);
        this.options = options;
    }

    public static <InputT> QdrantSinkBuilder<InputT> builder() {
        return new QdrantSinkBuilder<>();
    }

    /**
     * A builder for the listing collection fed by {@link QdrantPointUpdates}: upserts, verdicts,
     * removals; converter and payload indexes preset.
     */
    public static QdrantSinkBuilder<QdrantWrite> forListingWrites() {
        return QdrantSink.<QdrantWrite>builder()
                .setElementConverter(new QdrantWriteConverter())
                .setPayloadIndexes(ListingPayload.INDEXES);
    }

    /**
     * A builder for the listing collection fed by embeddings alone, each upserted live and without
     * verdicts; converter and payload indexes preset.
     */
    public static QdrantSinkBuilder<EmbeddedListing> forListings() {
        return QdrantSink.<EmbeddedListing>builder()
                .setElementConverter(new EmbeddedListingConverter())
                .setPayloadIndexes(ListingPayload.INDEXES);
    }

    /**
     * The longest a batch may take, all retries included, before Flink gives up on it: every
     * attempt running into its deadline plus every backoff, with room to spare, for itself and for
     * each batch in flight before it that it may have to wait for ({@link PointOrdering}).
     */
    static long requestTimeoutMs(QdrantWriterOptions options, int maxInFlightRequests) {
        RetryPolicy retry = options.retryPolicy();
        long calls = options.connection().callTimeout().toMillis() * retry.maxAttempts();
        return 2L * maxInFlightRequests * (calls + retry.totalBackoff().toMillis());
    }

    QdrantWriterOptions options() {
        return options;
    }

    @Override
    public StatefulSinkWriter<InputT, BufferedRequestState<QdrantPointWrite>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<InputT, BufferedRequestState<QdrantPointWrite>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<QdrantPointWrite>> recoveredState) {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return new QdrantSinkWriter<>(
                getElementConverter(), context, configuration, recoveredState, options);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<QdrantPointWrite>>
            getWriterStateSerializer() {
        return new QdrantWriterStateSerializer();
    }
}
