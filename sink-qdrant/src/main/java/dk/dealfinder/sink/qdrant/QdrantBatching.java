package dk.dealfinder.sink.qdrant;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * How the sink groups writes into requests.
 *
 * @param maxBatchSize points per request; Qdrant advises 64 to 256
 * @param maxInFlightRequests concurrent requests per subtask; 1 keeps the writes of one subtask in
 *     order, so an older version of a listing cannot overwrite a newer one
 * @param maxBufferedRequests writes buffered per subtask before the sink backpressures
 * @param maxBatchSizeInBytes bytes per request, well under Qdrant's 32 MiB request limit
 * @param maxTimeInBufferMs longest a write waits for its batch to fill
 * @param maxRecordSizeInBytes largest single point accepted
 */
public record QdrantBatching(
        int maxBatchSize,
        int maxInFlightRequests,
        int maxBufferedRequests,
        long maxBatchSizeInBytes,
        long maxTimeInBufferMs,
        long maxRecordSizeInBytes)
        implements Serializable {

    /** Qdrant's default limit on one request ({@code service.max_request_size_mb}). */
    public static final long QDRANT_REQUEST_LIMIT_BYTES = 32L * 1024 * 1024;

    /** Headroom for the request envelope and for a server configured below the default. */
    public static final long MAX_BATCH_BYTES_CAP = 16L * 1024 * 1024;

    public static final QdrantBatching DEFAULT =
            new QdrantBatching(128, 1, 10_000, 4L * 1024 * 1024, 1_000, 1024 * 1024);

    public QdrantBatching {
        Preconditions.checkArgument(maxBatchSize > 0, "maxBatchSize must be positive");
        Preconditions.checkArgument(
                maxInFlightRequests > 0, "maxInFlightRequests must be positive");
        Preconditions.checkArgument(
                maxBufferedRequests >= maxBatchSize,
                "maxBufferedRequests (%s) must be at least maxBatchSize (%s)",
                maxBufferedRequests,
                maxBatchSize);
        Preconditions.checkArgument(
                maxBatchSizeInBytes > 0 && maxBatchSizeInBytes <= MAX_BATCH_BYTES_CAP,
                "maxBatchSizeInBytes must be between 1 and %s (Qdrant refuses requests over %s"
                        + " bytes), got %s",
                MAX_BATCH_BYTES_CAP,
                QDRANT_REQUEST_LIMIT_BYTES,
                maxBatchSizeInBytes);
        Preconditions.checkArgument(maxTimeInBufferMs > 0, "maxTimeInBufferMs must be positive");
        Preconditions.checkArgument(
                maxRecordSizeInBytes > 0 && maxRecordSizeInBytes <= maxBatchSizeInBytes,
                "maxRecordSizeInBytes must be between 1 and maxBatchSizeInBytes (%s), got %s",
                maxBatchSizeInBytes,
                maxRecordSizeInBytes);
    }
}
