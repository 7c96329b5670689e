package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One collection in the Qdrant double: its vector parameters, points and payload indexes. */
final class StoredCollection {

    private final int vectorSize;
    private final Distance distance;
    private final TreeMap<String, StoredPoint> points = new TreeMap<>();
    private final Map<String, PayloadSchemaType> payloadIndexes = new TreeMap<>();

    StoredCollection(int vectorSize, Distance distance) {
        this.vectorSize = vectorSize;
        this.distance = distance;
    }

    int vectorSize() {
        return vectorSize;
    }

    Distance distance() {
        return distance;
    }

    /** Rejects a vector of the wrong size with Qdrant's own wording. */
    float[] checkedVector(List<Float> values) {
        if (values.size() != vectorSize) {
            throw QdrantDoubleException.invalid(
                    "Vector dimension error: expected dim: "
                            + vectorSize
                            + ", got "
                            + values.size());
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return distance == Distance.Cosine ? Similarity.normalized(vector) : vector;
    }

    /** Overwrites by id: a second upsert of the same id replaces vector and payload. */
    synchronized void upsert(List<StoredPoint> batch) {
        for (StoredPoint point : batch) {
            points.put(PointKeys.keyOf(point.id()), point);
        }
    }

    synchronized void delete(List<String> keys) {
        keys.forEach(points::remove);
    }

    /**
     * Merges {@code payload} into each point's payload, as Qdrant's set-payload does. Points
     * selected by id must exist: like Qdrant, the existing ones are updated and the first missing
     * one fails the operation with NOT_FOUND.
     */
    synchronized void setPayload(PointConversions.Selection selection, Map<String, Value> payload) {
        String missing = null;
        for (String key : selection.keys().get()) {
            StoredPoint old = points.get(key);
            if (old == null) {
                missing = missing == null ? key : missing;
                continue;
            }
            Map<String, Value> merged = new HashMap<>(old.payload());
            merged.putAll(payload);
            points.put(key, new StoredPoint(old.id(), old.vector(), merged));
        }
        if (missing != null && selection.byId()) {
            throw QdrantDoubleException.pointNotFound(missing);
        }
    }

    synchronized void createPayloadIndex(String field, PayloadSchemaType type) {
        payloadIndexes.put(field, type);
    }

    synchronized Map<String, PayloadSchemaType> payloadIndexes() {
        return Map.copyOf(payloadIndexes);
    }

    /** Points in id order. */
    synchronized List<StoredPoint> points() {
        return new ArrayList<>(points.values());
    }

    synchronized StoredPoint point(PointId id) {
        return points.get(PointKeys.keyOf(id));
    }

    List<StoredPoint> matching(Filter filter) {
        List<StoredPoint> all = points();
        return all.stream().filter(p -> FilterMatcher.matches(filter, p)).toList();
    }

    List<String> keysMatching(Filter filter) {
        return matching(filter).stream().map(p -> PointKeys.keyOf(p.id())).toList();
    }
}
