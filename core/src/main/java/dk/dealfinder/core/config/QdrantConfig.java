package dk.dealfinder.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * The Qdrant vector store the job writes listing embeddings to. Section {@code qdrant}; an empty
 * {@code host} turns the embedding stage and the sink off. The API key is read from the environment
 * variable named {@code apiKeyEnv}.
 */
public record QdrantConfig(
        String host,
        int port,
        boolean tls,
        String apiKeyEnv,
        String collection,
        boolean waitForApply,
        Duration callTimeout,
        Batch batch,
        Retry retry)
        implements Serializable {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** Sink batching (see the README's Qdrant section for how to size it). */
    public record Batch(
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchBytes,
            long maxTimeInBufferMs,
            long maxRecordBytes)
            implements Serializable {}

    /** Backoff for UNAVAILABLE, RESOURCE_EXHAUSTED and DEADLINE_EXCEEDED. */
    public record Retry(Duration initialBackoff, Duration maxBackoff, int maxAttempts)
            implements Serializable {}
}
