package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import io.qdrant.client.grpc.Points.UpdateBatchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Qdrant's {@code Points} service over the double's storage. */
final class DoublePointsService extends PointsGrpc.PointsImplBase {

    private static final int DEFAULT_SCROLL_LIMIT = 10;

    private final DoubleStorage storage;

    DoublePointsService(DoubleStorage storage) {
        this.storage = storage;
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    List<StoredPoint> points =
                            request.getPointsList().stream()
                                    .map(p -> PointConversions.toStored(collection, p))
                                    .toList();
                    return operation(
                            storage.apply(request.getWait(), () -> collection.upsert(points)));
                });
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    PointConversions.Selection selection =
                            PointConversions.selection(collection, request.getPoints());
                    return operation(
                            storage.apply(
                                    request.getWait(),
                                    () -> collection.delete(selection.keys().get())));
                });
    }

    @Override
    public void setPayload(
            SetPayloadPoints request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    if (request.hasKey()) {
                        throw QdrantDoubleException.unsupported("set payload at a nested key");
                    }
                    PointConversions.Selection selection =
                            PointConversions.selection(collection, request.getPointsSelector());
                    return operation(
                            storage.apply(
                                    request.getWait(),
                                    () ->
                                            collection.setPayload(
                                                    selection, request.getPayloadMap())));
                });
    }

    @Override
    public void createFieldIndex(
            CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    String typeName = request.getFieldType().name().replace("FieldType", "");
                    PayloadSchemaType type = PayloadSchemaType.valueOf(typeName);
                    return operation(
                            storage.apply(
                                    request.getWait(),
                                    () ->
                                            collection.createPayloadIndex(
                                                    request.getFieldName(), type)));
                });
    }

    @Override
    public void updateBatch(
            UpdateBatchPoints request, StreamObserver<UpdateBatchResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    List<Runnable> steps = new ArrayList<>();
                    for (PointsUpdateOperation operation : request.getOperationsList()) {
                        steps.add(BatchOperations.validated(collection, operation));
                    }
                    UpdateBatchResponse.Builder response = UpdateBatchResponse.newBuilder();
                    UpdateResult result =
                            storage.apply(request.getWait(), () -> steps.forEach(Runnable::run));
                    steps.forEach(s -> response.addResult(result));
                    return response.build();
                });
    }

    @Override
    public void get(GetPoints request, StreamObserver<GetResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    List<RetrievedPoint> found =
                            request.getIdsList().stream()
                                    .map(collection::point)
                                    .filter(Objects::nonNull)
                                    .map(
                                            p ->
                                                    PointConversions.retrieved(
                                                            p,
                                                            request.getWithPayload(),
                                                            request.getWithVectors()))
                                    .toList();
                    return GetResponse.newBuilder().addAllResult(found).build();
                });
    }

    @Override
    public void count(CountPoints request, StreamObserver<CountResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    long count = collection.matching(request.getFilter()).size();
                    return CountResponse.newBuilder()
                            .setResult(CountResult.newBuilder().setCount(count))
                            .build();
                });
    }

    @Override
    public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    StoredCollection collection = storage.collection(request.getCollectionName());
                    String from = request.hasOffset() ? PointKeys.keyOf(request.getOffset()) : "";
                    int limit = request.hasLimit() ? request.getLimit() : DEFAULT_SCROLL_LIMIT;
                    List<RetrievedPoint> page = new ArrayList<>();
                    ScrollResponse.Builder response = ScrollResponse.newBuilder();
                    for (StoredPoint point : collection.matching(request.getFilter())) {
                        if (PointKeys.keyOf(point.id()).compareTo(from) < 0) {
                            continue;
                        }
                        if (page.size() == limit) {
                            response.setNextPageOffset(point.id());
                            break;
                        }
                        page.add(
                                PointConversions.retrieved(
                                        point, request.getWithPayload(), request.getWithVectors()));
                    }
                    return response.addAllResult(page).build();
                });
    }

    @Override
    public void query(QueryPoints request, StreamObserver<QueryResponse> observer) {
        Replies.reply(
                observer,
                () ->
                        QueryResponse.newBuilder()
                                .addAllResult(NearestSearch.query(storage, request))
                                .build());
    }

    @Override
    public void search(SearchPoints request, StreamObserver<SearchResponse> observer) {
        Replies.reply(
                observer,
                () ->
                        SearchResponse.newBuilder()
                                .addAllResult(NearestSearch.search(storage, request))
                                .build());
    }

    private static PointsOperationResponse operation(UpdateResult result) {
        return PointsOperationResponse.newBuilder().setResult(result).build();
    }
}
