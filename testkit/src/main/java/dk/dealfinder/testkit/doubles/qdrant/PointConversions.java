package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Between the wire messages and {@link StoredPoint}s. */
final class PointConversions {

    private PointConversions() {}

    static StoredPoint toStored(StoredCollection collection, PointStruct point) {
        PointKeys.keyOf(point.getId()); // rejects a missing or malformed id before storing
        if (!point.hasVectors() || !point.getVectors().hasVector()) {
            throw QdrantDoubleException.unsupported("a point without one unnamed dense vector");
        }
        Vector vector = point.getVectors().getVector();
        List<Float> values =
                vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
        if (vector.hasSparse() || vector.hasMultiDense()) {
            throw QdrantDoubleException.unsupported("sparse and multi-dense vectors");
        }
        return new StoredPoint(
                point.getId(), collection.checkedVector(values), point.getPayloadMap());
    }

    /**
     * The points a selector selects, checked now and resolved when the update is applied (so a
     * filter sees what earlier updates in the queue or batch wrote).
     */
    static Selection selection(StoredCollection collection, PointsSelector selector) {
        switch (selector.getPointsSelectorOneOfCase()) {
            case POINTS:
                List<String> keys =
                        selector.getPoints().getIdsList().stream().map(PointKeys::keyOf).toList();
                return new Selection(() -> keys, true);
            case FILTER:
                return new Selection(() -> collection.keysMatching(selector.getFilter()), false);
            default:
                throw QdrantDoubleException.invalid("points selector is not set");
        }
    }

    /**
     * Selected points.
     *
     * @param keys the point keys, resolved when called
     * @param byId whether the points were listed by id (Qdrant then insists that a point whose
     *     payload is set exists), rather than matched by a filter
     */
    record Selection(Supplier<List<String>> keys, boolean byId) {}

    static ScoredPoint scored(
            StoredPoint point,
            float score,
            WithPayloadSelector payload,
            WithVectorsSelector vectors) {
        ScoredPoint.Builder scored =
                ScoredPoint.newBuilder()
                        .setId(point.id())
                        .setScore(score)
                        .putAllPayload(selectPayload(point.payload(), payload));
        if (vectors.getEnable()) {
            scored.setVectors(vectorsOf(point));
        }
        return scored.build();
    }

    static RetrievedPoint retrieved(
            StoredPoint point, WithPayloadSelector payload, WithVectorsSelector vectors) {
        RetrievedPoint.Builder retrieved =
                RetrievedPoint.newBuilder()
                        .setId(point.id())
                        .putAllPayload(selectPayload(point.payload(), payload));
        if (vectors.getEnable()) {
            retrieved.setVectors(vectorsOf(point));
        }
        return retrieved.build();
    }

    private static Map<String, Value> selectPayload(
            Map<String, Value> payload, WithPayloadSelector selector) {
        switch (selector.getSelectorOptionsCase()) {
            case ENABLE:
                return selector.getEnable() ? payload : Map.of();
            case INCLUDE:
                List<String> included = selector.getInclude().getFieldsList();
                return payload.entrySet().stream()
                        .filter(e -> included.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            case EXCLUDE:
                List<String> excluded = selector.getExclude().getFieldsList();
                return payload.entrySet().stream()
                        .filter(e -> !excluded.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            default:
                return Map.of();
        }
    }

    private static VectorsOutput vectorsOf(StoredPoint point) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        for (float f : point.vector()) {
            dense.addData(f);
        }
        return VectorsOutput.newBuilder()
                .setVector(VectorOutput.newBuilder().setDense(dense))
                .build();
    }
}
