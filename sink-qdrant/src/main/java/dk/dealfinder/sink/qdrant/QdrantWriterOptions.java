package dk.dealfinder.sink.qdrant;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * What a {@link QdrantSinkWriter} needs besides Flink's batching settings.
 *
 * @param connection where Qdrant is
 * @param collection the collection to write and how to create it
 * @param waitForApply send {@code wait=true}, so an acknowledged batch (and hence a completed
 *     checkpoint) means the points are applied and searchable, not merely queued
 * @param retryPolicy backoff for transient failures
 */
public record QdrantWriterOptions(
        QdrantConnection connection,
        CollectionSpec collection,
        boolean waitForApply,
        RetryPolicy retryPolicy)
        implements Serializable {

    public QdrantWriterOptions {
        Preconditions.checkNotNull(connection, "connection");
        Preconditions.checkNotNull(collection, "collection");
        Preconditions.checkNotNull(retryPolicy, "retryPolicy");
    }
}
