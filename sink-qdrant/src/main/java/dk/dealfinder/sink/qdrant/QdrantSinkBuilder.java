package dk.dealfinder.sink.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.util.Preconditions;

/**
 * Builds a {@link QdrantSink}. Required: host, collection, vector size and an element converter
 * ({@link QdrantSink#forListings()} presets the converter). Everything else has defaults a Qdrant
 * operator would pick: batches of 128 points and at most 4 MiB, {@code wait=true}, cosine distance,
 * retries from 100 ms doubling to 10 s, ten attempts.
 */
public final class QdrantSinkBuilder<InputT> {

    private ElementConverter<InputT, QdrantPointWrite> elementConverter;
    private String host;
    private int port = QdrantConnection.DEFAULT_PORT;
    private boolean useTls;
    private String apiKeyEnvVar = QdrantConnection.DEFAULT_API_KEY_ENV;
    private Duration callTimeout = Duration.ofSeconds(30);
    private String collection;
    private int vectorSize;
    private Distance distance = Distance.Cosine;
    private Map<String, PayloadSchemaType> payloadIndexes = Map.of();
    private boolean waitForApply = true;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private QdrantBatching batching = QdrantBatching.DEFAULT;

    QdrantSinkBuilder() {}

    public QdrantSinkBuilder<InputT> setElementConverter(
            ElementConverter<InputT, QdrantPointWrite> elementConverter) {
        this.elementConverter = elementConverter;
        return this;
    }

    /** Qdrant's gRPC endpoint (port 6334 by default), plain text unless {@code useTls}. */
    public QdrantSinkBuilder<InputT> setEndpoint(String host, int port, boolean useTls) {
        this.host = host;
        this.port = port;
        this.useTls = useTls;
        return this;
    }

    /** The environment variable the task managers read the API key from. */
    public QdrantSinkBuilder<InputT> setApiKeyEnvVar(String apiKeyEnvVar) {
        this.apiKeyEnvVar = apiKeyEnvVar;
        return this;
    }

    public QdrantSinkBuilder<InputT> setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
        return this;
    }

    /** The collection, and the vector size and distance of the embedding model writing to it. */
    public QdrantSinkBuilder<InputT> setCollection(String name, int vectorSize, Distance distance) {
        this.collection = name;
        this.vectorSize = vectorSize;
        this.distance = distance;
        return this;
    }

    public QdrantSinkBuilder<InputT> setPayloadIndexes(Map<String, PayloadSchemaType> indexes) {
        this.payloadIndexes = indexes;
        return this;
    }

    /**
     * With {@code true} (the default) Qdrant answers after applying each batch, so a completed
     * checkpoint means searchable points; {@code false} only queues them.
     */
    public QdrantSinkBuilder<InputT> setWait(boolean waitForApply) {
        this.waitForApply = waitForApply;
        return this;
    }

    public QdrantSinkBuilder<InputT> setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    public QdrantSinkBuilder<InputT> setBatching(QdrantBatching batching) {
        this.batching = batching;
        return this;
    }

    public QdrantSinkBuilder<InputT> setMaxBatchSize(int maxBatchSize) {
        return setBatching(
                new QdrantBatching(
                        maxBatchSize,
                        batching.maxInFlightRequests(),
                        Math.max(batching.maxBufferedRequests(), maxBatchSize),
                        batching.maxBatchSizeInBytes(),
                        batching.maxTimeInBufferMs(),
                        batching.maxRecordSizeInBytes()));
    }

    public QdrantSink<InputT> build() {
        Preconditions.checkNotNull(elementConverter, "an element converter must be set");
        Preconditions.checkNotNull(host, "the Qdrant endpoint must be set");
        QdrantWriterOptions options =
                new QdrantWriterOptions(
                        new QdrantConnection(host, port, useTls, apiKeyEnvVar, callTimeout),
                        new CollectionSpec(collection, vectorSize, distance, payloadIndexes),
                        waitForApply,
                        retryPolicy);
        return new QdrantSink<>(elementConverter, batching, options);
    }
}
