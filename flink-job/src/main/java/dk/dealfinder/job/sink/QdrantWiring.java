package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.QdrantConfig;
import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.sink.qdrant.QdrantBatching;
import dk.dealfinder.sink.qdrant.QdrantConnection;
import dk.dealfinder.sink.qdrant.QdrantSink;
import dk.dealfinder.sink.qdrant.QdrantWrite;
import dk.dealfinder.sink.qdrant.RetryPolicy;
import io.qdrant.client.grpc.Collections.Distance;
import java.time.Duration;

/** The Qdrant sink as the {@code qdrant} section of the configuration describes it. */
public final class QdrantWiring {

    private QdrantWiring() {}

    public static QdrantSink<QdrantWrite> sink(QdrantConfig q) {
        QdrantConfig.Batch b = q.batch();
        return QdrantSink.forListingWrites()
                .setEndpoint(q.host(), q.port(), q.tls())
                .setApiKeyEnvVar(q.apiKeyEnv())
                .setCollection(q.collection(), TextEmbedder.shared().dimension(), Distance.Cosine)
                .setWait(q.waitForApply())
                .setCallTimeout(q.callTimeout())
                .setBatching(
                        new QdrantBatching(
                                b.maxBatchSize(),
                                b.maxInFlightRequests(),
                                b.maxBufferedRequests(),
                                b.maxBatchBytes(),
                                b.maxTimeInBufferMs(),
                                b.maxRecordBytes()))
                .setRetryPolicy(
                        new RetryPolicy(
                                q.retry().initialBackoff(),
                                q.retry().maxBackoff(),
                                q.retry().maxAttempts()))
                .build();
    }

    /** Where the market-price comparables query Qdrant, with their own call deadline. */
    public static QdrantConnection connection(QdrantConfig q, Duration callTimeout) {
        return new QdrantConnection(q.host(), q.port(), q.tls(), q.apiKeyEnv(), callTimeout);
    }
}
