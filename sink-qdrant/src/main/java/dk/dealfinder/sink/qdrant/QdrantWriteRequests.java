package dk.dealfinder.sink.qdrant;

import dk.dealfinder.sink.qdrant.QdrantPointWrite.Kind;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one batch of buffered writes into one Qdrant request: a plain upsert when the batch holds
 * only upserts (the usual case), else an update batch, which Qdrant applies operation by operation
 * in order, so an upsert followed by a deactivation of the same listing ends inactive.
 *
 * <p>Consecutive writes of one kind share an operation; within such a run only the last write to a
 * point is kept, since each write of a kind replaces what the earlier one set. Payload is set by a
 * {@code has_id} filter rather than by listing ids: Qdrant answers NOT_FOUND to a set-payload by id
 * when a point does not exist (a listing removed before its embedding was written, or one the job
 * forgot), and a filter that matches nothing is simply a no-op.
 */
final class QdrantWriteRequests {

    private QdrantWriteRequests() {}

    static boolean onlyUpserts(List<QdrantPointWrite> writes) {
        return writes.stream().allMatch(w -> w.kind() == Kind.UPSERT);
    }

    static UpsertPoints upsert(String collection, boolean wait, List<QdrantPointWrite> writes) {
        UpsertPoints.Builder request =
                UpsertPoints.newBuilder().setCollectionName(collection).setWait(wait);
        lastPerPoint(writes).forEach(w -> request.addPoints(w.point()));
        return request.build();
    }

    static UpdateBatchPoints batch(String collection, boolean wait, List<QdrantPointWrite> writes) {
        UpdateBatchPoints.Builder request =
                UpdateBatchPoints.newBuilder().setCollectionName(collection).setWait(wait);
        List<QdrantPointWrite> run = new ArrayList<>();
        for (QdrantPointWrite write : writes) {
            if (!run.isEmpty() && run.get(0).kind() != write.kind()) {
                addOperations(request, lastPerPoint(run));
                run.clear();
            }
            run.add(write);
        }
        if (!run.isEmpty()) {
            addOperations(request, lastPerPoint(run));
        }
        return request.build();
    }

    private static void addOperations(
            UpdateBatchPoints.Builder request, List<QdrantPointWrite> run) {
        PointsUpdateOperation.Builder operation = PointsUpdateOperation.newBuilder();
        switch (run.get(0).kind()) {
            case UPSERT:
                PointsUpdateOperation.PointStructList.Builder points =
                        PointsUpdateOperation.PointStructList.newBuilder();
                run.forEach(w -> points.addPoints(w.point()));
                request.addOperations(operation.setUpsert(points));
                return;
            case DEACTIVATE:
            case ACTIVATE:
                // Same payload for all: one operation.
                request.addOperations(operation.setSetPayload(setPayload(run)));
                return;
            case SET_VERDICTS:
                for (QdrantPointWrite write : run) {
                    request.addOperations(
                            PointsUpdateOperation.newBuilder()
                                    .setSetPayload(setPayload(List.of(write))));
                }
                return;
            case DELETE:
                PointsIdsList.Builder ids = PointsIdsList.newBuilder();
                run.forEach(w -> ids.addIds(idOf(w)));
                request.addOperations(
                        operation.setDeletePoints(
                                PointsUpdateOperation.DeletePoints.newBuilder()
                                        .setPoints(PointsSelector.newBuilder().setPoints(ids))));
                return;
            default:
                throw new IllegalStateException("unknown write kind " + run.get(0).kind());
        }
    }

    /** Sets the payload of the first write on the points of all of them, where they exist. */
    private static PointsUpdateOperation.SetPayload.Builder setPayload(
            List<QdrantPointWrite> writes) {
        List<PointId> ids = writes.stream().map(QdrantWriteRequests::idOf).toList();
        Filter existing = Filter.newBuilder().addMust(ConditionFactory.hasId(ids)).build();
        return PointsUpdateOperation.SetPayload.newBuilder()
                .putAllPayload(writes.get(0).payload())
                .setPointsSelector(PointsSelector.newBuilder().setFilter(existing));
    }

    /** The writes with only the last one per point, in the order of those last ones. */
    private static List<QdrantPointWrite> lastPerPoint(List<QdrantPointWrite> writes) {
        Map<String, QdrantPointWrite> last = new LinkedHashMap<>();
        for (QdrantPointWrite write : writes) {
            last.remove(write.pointId());
            last.put(write.pointId(), write);
        }
        return List.copyOf(last.values());
    }

    private static PointId idOf(QdrantPointWrite write) {
        return PointIdFactory.id(UUID.fromString(write.pointId()));
    }
}
