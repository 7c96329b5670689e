package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Map;

/**
 * A point as the Qdrant double holds it.
 *
 * @param id the point id as the client sent it
 * @param vector the stored vector (normalized for cosine collections, as Qdrant stores it)
 * @param payload the payload
 */
public record StoredPoint(PointId id, float[] vector, Map<String, Value> payload) {

    public StoredPoint {
        payload = Map.copyOf(payload);
    }
}
