package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.Comparator;
import java.util.List;

/**
 * Exact nearest-neighbour search with filters: the answers Qdrant's HNSW gives when it is exact,
 * which is what a test should compare against.
 */
final class NearestSearch {

    private static final long DEFAULT_LIMIT = 10;

    private NearestSearch() {}

    static List<ScoredPoint> query(DoubleStorage storage, QueryPoints request) {
        StoredCollection collection = storage.collection(request.getCollectionName());
        if (request.getPrefetchCount() > 0
                || (request.hasUsing() && !request.getUsing().isEmpty())) {
            throw QdrantDoubleException.unsupported("prefetch and named vectors");
        }
        long limit = request.hasLimit() ? request.getLimit() : DEFAULT_LIMIT;
        Request shape =
                new Request(
                        request.getFilter(),
                        limit,
                        request.getOffset(),
                        request.hasScoreThreshold() ? request.getScoreThreshold() : null,
                        request.getWithPayload(),
                        request.getWithVectors());
        if (!request.hasQuery()) {
            // Without a query, Qdrant's query API pages through points in id order.
            return shape.rank(collection, null, null);
        }
        if (!request.getQuery().hasNearest()) {
            throw QdrantDoubleException.unsupported("query " + request.getQuery().getVariantCase());
        }
        VectorInput nearest = request.getQuery().getNearest();
        switch (nearest.getVariantCase()) {
            case DENSE:
                return shape.rank(
                        collection,
                        collection.checkedVector(nearest.getDense().getDataList()),
                        null);
            case ID:
                StoredPoint example = collection.point(nearest.getId());
                if (example == null) {
                    throw QdrantDoubleException.pointNotFound(PointKeys.keyOf(nearest.getId()));
                }
                // The example point itself is left out of its own neighbours.
                return shape.rank(collection, example.vector(), nearest.getId());
            default:
                throw QdrantDoubleException.unsupported("nearest " + nearest.getVariantCase());
        }
    }

    static List<ScoredPoint> search(DoubleStorage storage, SearchPoints request) {
        StoredCollection collection = storage.collection(request.getCollectionName());
        if (request.hasVectorName() && !request.getVectorName().isEmpty()) {
            throw QdrantDoubleException.unsupported("named vectors");
        }
        Request shape =
                new Request(
                        request.getFilter(),
                        request.getLimit(),
                        request.getOffset(),
                        request.hasScoreThreshold() ? request.getScoreThreshold() : null,
                        request.getWithPayload(),
                        request.getWithVectors());
        return shape.rank(collection, collection.checkedVector(request.getVectorList()), null);
    }

    private record Request(
            Filter filter,
            long limit,
            long offset,
            Float scoreThreshold,
            WithPayloadSelector withPayload,
            WithVectorsSelector withVectors) {

        List<ScoredPoint> rank(StoredCollection collection, float[] vector, PointId excluded) {
            Distance distance = collection.distance();
            String excludedKey = excluded == null ? null : PointKeys.keyOf(excluded);
            Comparator<ScoredPoint> order =
                    Similarity.higherIsCloser(distance)
                            ? Comparator.comparingDouble(ScoredPoint::getScore).reversed()
                            : Comparator.comparingDouble(ScoredPoint::getScore);
            return collection.matching(filter).stream()
                    .filter(p -> !PointKeys.keyOf(p.id()).equals(excludedKey))
                    .map(
                            p ->
                                    PointConversions.scored(
                                            p,
                                            vector == null
                                                    ? 0f
                                                    : Similarity.score(
                                                            distance, p.vector(), vector),
                                            withPayload,
                                            withVectors))
                    .filter(p -> vector == null || withinThreshold(distance, p.getScore()))
                    .sorted(vector == null ? (a, b) -> 0 : order)
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        private boolean withinThreshold(Distance distance, float score) {
            if (scoreThreshold == null) {
                return true;
            }
            return Similarity.higherIsCloser(distance)
                    ? score >= scoreThreshold
                    : score <= scoreThreshold;
        }
    }
}
