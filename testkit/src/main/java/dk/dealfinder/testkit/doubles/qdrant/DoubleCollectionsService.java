package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.util.List;
import java.util.Map;

/** Qdrant's {@code Collections} service: one unnamed dense vector per collection. */
final class DoubleCollectionsService extends CollectionsGrpc.CollectionsImplBase {

    private final DoubleStorage storage;

    DoubleCollectionsService(DoubleStorage storage) {
        this.storage = storage;
    }

    @Override
    public void create(
            CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    if (!request.getVectorsConfig().hasParams()) {
                        throw QdrantDoubleException.unsupported(
                                "a collection without one unnamed dense vector");
                    }
                    VectorParams params = request.getVectorsConfig().getParams();
                    storage.create(
                            request.getCollectionName(),
                            Math.toIntExact(params.getSize()),
                            params.getDistance());
                    return CollectionOperationResponse.newBuilder().setResult(true).build();
                });
    }

    @Override
    public void delete(
            DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Replies.reply(
                observer,
                () ->
                        CollectionOperationResponse.newBuilder()
                                .setResult(storage.delete(request.getCollectionName()))
                                .build());
    }

    @Override
    public void collectionExists(
            CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
        Replies.reply(
                observer,
                () ->
                        CollectionExistsResponse.newBuilder()
                                .setResult(
                                        CollectionExists.newBuilder()
                                                .setExists(
                                                        storage.exists(
                                                                request.getCollectionName())))
                                .build());
    }

    @Override
    public void list(
            ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
        Replies.reply(
                observer,
                () -> {
                    ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
                    storage.names()
                            .forEach(
                                    name ->
                                            response.addCollections(
                                                    CollectionDescription.newBuilder()
                                                            .setName(name)));
                    return response.build();
                });
    }

    @Override
    public void get(
            GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
        Replies.reply(
                observer,
                () ->
                        GetCollectionInfoResponse.newBuilder()
                                .setResult(info(storage.collection(request.getCollectionName())))
                                .build());
    }

    private static CollectionInfo info(StoredCollection collection) {
        List<StoredPoint> points = collection.points();
        VectorParams params =
                VectorParams.newBuilder()
                        .setSize(collection.vectorSize())
                        .setDistance(collection.distance())
                        .build();
        CollectionInfo.Builder info =
                CollectionInfo.newBuilder()
                        .setStatus(CollectionStatus.Green)
                        .setSegmentsCount(1)
                        .setPointsCount(points.size())
                        .setIndexedVectorsCount(points.size())
                        .setConfig(
                                CollectionConfig.newBuilder()
                                        .setParams(
                                                CollectionParams.newBuilder()
                                                        .setShardNumber(1)
                                                        .setVectorsConfig(
                                                                VectorsConfig.newBuilder()
                                                                        .setParams(params))));
        for (Map.Entry<String, PayloadSchemaType> index : collection.payloadIndexes().entrySet()) {
            long indexed =
                    points.stream()
                            .filter(
                                    p ->
                                            !FilterMatcher.valuesAt(p.payload(), index.getKey())
                                                    .isEmpty())
                            .count();
            info.putPayloadSchema(
                    index.getKey(),
                    PayloadSchemaInfo.newBuilder()
                            .setDataType(index.getValue())
                            .setPoints(indexed)
                            .build());
        }
        return info.build();
    }
}
