package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.QdrantConfig;
import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.sink.qdrant.QdrantBatching;
import dk.dealfinder.sink.qdrant.QdrantSink;
import dk.dealfinder.sink.qdrant.RetryPolicy;
import io.qdrant.client.grpc.Collections.Distance;

/** The Qdrant sink as the {@code qdrant} section of the configuration describes it. */
public final class QdrantWiring {

    private QdrantWiring() {}

    public static QdrantSink<EmbeddedListing> sink(QdrantConfig q) {
        QdrantConfig.Batch b = q.batch();
        return QdrantSink.forListings()
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
}
