package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.ValueFactory.value;

import dk.dealfinder.sink.qdrant.QdrantPointWrite.Kind;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns one batch of buffered writes into one Qdrant request: a plain upsert when the batch holds
 * only upserts (the usual case), else an update batch whose operations keep the writes' order, so
 * an upsert followed by a deactivation of the same listing ends inactive.
 */
final class QdrantWriteRequests {

    private QdrantWriteRequests() {}

    static boolean onlyUpserts(List<QdrantPointWrite> writes) {
        return writes.stream().allMatch(w -> w.kind() == Kind.UPSERT);
    }

    static UpsertPoints upsert(String collection, boolean wait, List<QdrantPointWrite> writes) {
        UpsertPoints.Builder request =
                UpsertPoints.newBuilder().setCollectionName(collection).setWait(wait);
        writes.forEach(w -> request.addPoints(w.point()));
        return request.build();
    }

    static UpdateBatchPoints batch(String collection, boolean wait, List<QdrantPointWrite> writes) {
        UpdateBatchPoints.Builder request =
                UpdateBatchPoints.newBuilder().setCollectionName(collection).setWait(wait);
        List<QdrantPointWrite> run = new ArrayList<>();
        for (QdrantPointWrite write : writes) {
            if (!run.isEmpty() && run.get(0).kind() != write.kind()) {
                request.addOperations(operation(run));
                run.clear();
            }
            run.add(write);
        }
        if (!run.isEmpty()) {
            request.addOperations(operation(run));
        }
        return request.build();
    }

    private static PointsUpdateOperation operation(List<QdrantPointWrite> run) {
        PointsUpdateOperation.Builder operation = PointsUpdateOperation.newBuilder();
        switch (run.get(0).kind()) {
            case UPSERT:
                PointsUpdateOperation.PointStructList.Builder points =
                        PointsUpdateOperation.PointStructList.newBuilder();
                run.forEach(w -> points.addPoints(w.point()));
                return operation.setUpsert(points).build();
            case DEACTIVATE:
                return operation
                        .setSetPayload(
                                PointsUpdateOperation.SetPayload.newBuilder()
                                        .putPayload(ListingPayload.ACTIVE, value(false))
                                        .setPointsSelector(idsOf(run)))
                        .build();
            case DELETE:
                return operation
                        .setDeletePoints(
                                PointsUpdateOperation.DeletePoints.newBuilder()
                                        .setPoints(idsOf(run)))
                        .build();
            default:
                throw new IllegalStateException("unknown write kind " + run.get(0).kind());
        }
    }

    private static PointsSelector idsOf(List<QdrantPointWrite> run) {
        PointsIdsList.Builder ids = PointsIdsList.newBuilder();
        run.forEach(w -> ids.addIds(PointIdFactory.id(UUID.fromString(w.pointId()))));
        return PointsSelector.newBuilder().setPoints(ids).build();
    }
}
