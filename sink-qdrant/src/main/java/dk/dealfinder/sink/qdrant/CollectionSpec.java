package dk.dealfinder.sink.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.util.Preconditions;

/**
 * The collection the sink writes to, as the embedding model dictates it.
 *
 * @param name collection name
 * @param vectorSize the embedding model's dimension
 * @param distance the embedding model's similarity (cosine for normalized text embeddings)
 * @param payloadIndexes payload fields to index, with their index types
 */
public record CollectionSpec(
        String name,
        int vectorSize,
        Distance distance,
        Map<String, PayloadSchemaType> payloadIndexes)
        implements Serializable {

    public CollectionSpec {
        Preconditions.checkArgument(
                name != null && !name.isBlank(), "Qdrant collection name must be set");
        Preconditions.checkArgument(
                vectorSize > 0, "vector size must be positive, got %s", vectorSize);
        Preconditions.checkNotNull(distance, "distance");
        payloadIndexes = Map.copyOf(payloadIndexes);
    }
}
