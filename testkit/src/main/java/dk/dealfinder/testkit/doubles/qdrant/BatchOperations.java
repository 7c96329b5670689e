package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import java.util.List;

/** The operations of an {@code UpdateBatch} request, validated up front and applied in order. */
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
                List<String> deleted =
                        PointConversions.selectedKeys(
                                collection, operation.getDeletePoints().getPoints());
                return () -> collection.delete(deleted);
            case SET_PAYLOAD:
                var setPayload = operation.getSetPayload();
                if (setPayload.hasKey()) {
                    throw QdrantDoubleException.unsupported("set payload at a nested key");
                }
                List<String> updated =
                        PointConversions.selectedKeys(collection, setPayload.getPointsSelector());
                return () -> collection.setPayload(updated, setPayload.getPayloadMap());
            default:
                throw QdrantDoubleException.unsupported(
                        "batch operation " + operation.getOperationCase());
        }
    }
}
