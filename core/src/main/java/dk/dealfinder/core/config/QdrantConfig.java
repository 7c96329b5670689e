package dk.dealfinder.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The Qdrant vector store the job writes listing embeddings to. Section {@code qdrant}; an empty
 * {@code host} turns the embedding stage and the sink off. The API key is read from the environment
 * variable named {@code apiKeyEnv}.
 *
 * @param onRemoved what becomes of a removed listing's point: kept with {@code active=false}, or
 *     deleted
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
        Retry retry,
        OnRemoved onRemoved)
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

    /** What the sink does with the point of a listing the marketplace removed. */
    public enum OnRemoved {
        /** Keep the point with {@code active=false}, so searches and comparables can filter it. */
        DEACTIVATE,
        /** Delete the point. */
        DELETE;

        /** Reads {@code deactivate} or {@code delete}, in any letter case. */
        @JsonCreator
        public static OnRemoved of(String text) {
            for (OnRemoved value : values()) {
                if (value.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return value;
                }
            }
            throw new IllegalArgumentException("must be deactivate or delete, got '" + text + "'");
        }
    }
}
