package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import java.util.List;

/**
 * The operations of an {@code UpdateBatch} request, validated up front and applied in order; like
 * Qdrant, an operation that fails stops the batch and leaves the earlier ones applied.
 */
final class BatchOperations {

    private BatchOperations() {}

    static Runnable validated(StoredCollection collection, PointsUpdateOperation operation) {
        switch (operation.getOperationCase()) {
            case UPSERT:
                List<StoredPoint> points =
                        operation.getUpsert().getPointsList().stream()
                                .map(p -> PointConversions.toStored(collection, p))
                                .toList();
                return () -> collection.upsert(points);
            case DELETE_POINTS:
                PointConversions.Selection deleted =
                        PointConversions.selection(
                                collection, operation.getDeletePoints().getPoints());
                return () -> collection.delete(deleted.keys().get());
            case SET_PAYLOAD:
                var setPayload = operation.getSetPayload();
                if (setPayload.hasKey()) {
                    throw QdrantDoubleException.unsupported("set payload at a nested key");
                }
                PointConversions.Selection updated =
                        PointConversions.selection(collection, setPayload.getPointsSelector());
                return () -> collection.setPayload(updated, setPayload.getPayloadMap());
            default:
                throw QdrantDoubleException.unsupported(
                        "batch operation " + operation.getOperationCase());
        }
    }
}
