package dk.dealfinder.testkit.doubles.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.testkit.Await;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Qdrant double through the official client: collections, writes, errors and limits. */
class QdrantDoubleTest {

    private static final String COLLECTION = "listings";

    private QdrantDouble qdrant;
    private QdrantClient client;

    @BeforeEach
    void start() throws Exception {
        qdrant = QdrantDouble.start();
        client = qdrant.newClient();
        client.createCollectionAsync(
                        COLLECTION,
                        VectorParams.newBuilder().setSize(3).setDistance(Distance.Cosine).build())
                .get();
    }

    @AfterEach
    void stop() {
        client.close();
        qdrant.close();
    }

    @Test
    void reportsCollectionsAndTheirVectorParameters() throws Exception {
        assertThat(client.collectionExistsAsync(COLLECTION).get()).isTrue();
        assertThat(client.collectionExistsAsync("other").get()).isFalse();
        CollectionInfo info = client.getCollectionInfoAsync(COLLECTION).get();
        VectorParams params = info.getConfig().getParams().getVectorsConfig().getParams();
        assertThat(params.getSize()).isEqualTo(3);
        assertThat(params.getDistance()).isEqualTo(Distance.Cosine);
        assertThat(statusOf(client.getCollectionInfoAsync("missing")))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void refusesToCreateAnExistingCollection() {
        var again =
                client.createCollectionAsync(
                        COLLECTION,
                        VectorParams.newBuilder().setSize(3).setDistance(Distance.Cosine).build());
        assertThat(statusOf(again)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void upsertOverwritesByIdForUuidAndIntegerIds() throws Exception {
        UUID uuid = UUID.randomUUID();
        client.upsertAsync(COLLECTION, List.of(point(id(uuid), "first"), point(id(7), "seven")))
                .get();
        client.upsertAsync(
                        COLLECTION,
                        List.of(
                                point(
                                        id(UUID.fromString(uuid.toString().toUpperCase())),
                                        "second")))
                .get();

        List<StoredPoint> points = qdrant.points(COLLECTION);
        assertThat(points).hasSize(2);
        assertThat(points)
                .extracting(p -> p.payload().get("title").getStringValue())
                .containsExactly("seven", "second");
        assertThat(client.countAsync(COLLECTION).get()).isEqualTo(2);
    }

    @Test
    void rejectsAWrongVectorSizeWithQdrantsMessage() {
        var upsert =
                client.upsertAsync(
                        COLLECTION,
                        List.of(
                                PointStruct.newBuilder()
                                        .setId(id(1))
                                        .setVectors(vectors(1f, 2f))
                                        .build()));
        assertThatThrownBy(upsert::get)
                .hasRootCauseInstanceOf(StatusRuntimeException.class)
                .rootCause()
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("expected dim: 3, got 2");
        assertThat(qdrant.points(COLLECTION)).isEmpty();
    }

    @Test
    void answersQueuedErrorsOncePerCallAndRecordsEveryRequest() throws Exception {
        qdrant.failNext(PointsGrpc.getUpsertMethod(), Status.Code.UNAVAILABLE, 1);
        qdrant.failNext(PointsGrpc.getUpsertMethod(), Status.Code.RESOURCE_EXHAUSTED, 1);
        List<PointStruct> batch = List.of(point(id(1), "a"));

        assertThat(statusOf(client.upsertAsync(COLLECTION, batch)))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(statusOf(client.upsertAsync(COLLECTION, batch)))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        client.upsertAsync(COLLECTION, batch).get();

        List<RecordedRequest> upserts = qdrant.requests(PointsGrpc.getUpsertMethod());
        assertThat(upserts)
                .extracting(RecordedRequest::outcome)
                .containsExactly(
                        Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED, Status.Code.OK);
        assertThat(upserts).allMatch(r -> ((UpsertPoints) r.request()).getPointsCount() == 1);
        assertThat(upserts).allMatch(r -> r.sizeBytes() > 0);
        assertThat(qdrant.requests(CollectionsGrpc.getCreateMethod())).hasSize(1);
        assertThat(qdrant.points(COLLECTION)).hasSize(1);
    }

    @Test
    void latencyBeyondTheClientDeadlineSurfacesAsDeadlineExceeded() throws Exception {
        qdrant.setLatency(Duration.ofMillis(500));
        try (QdrantClient impatient =
                new QdrantClient(
                        QdrantGrpcClient.newBuilder(QdrantDouble.HOST, qdrant.port(), false)
                                .withTimeout(Duration.ofMillis(50))
                                .build())) {
            assertThat(statusOf(impatient.countAsync(COLLECTION)))
                    .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        }
    }

    @Test
    void rejectsRequestsOverThe32MibLimit() {
        PointStruct huge =
                PointStruct.newBuilder()
                        .setId(id(1))
                        .setVectors(vectors(1f, 0f, 0f))
                        .putPayload("blob", value("x".repeat(QdrantDouble.MAX_REQUEST_BYTES)))
                        .build();
        assertThat(statusOf(client.upsertAsync(COLLECTION, List.of(huge))))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(qdrant.points(COLLECTION)).isEmpty();
    }

    @Test
    void unwaitedWritesAreAcknowledgedAndAppliedLater() throws Exception {
        UpsertPoints unwaited =
                UpsertPoints.newBuilder()
                        .setCollectionName(COLLECTION)
                        .setWait(false)
                        .addPoints(point(id(1), "a"))
                        .build();
        assertThat(client.upsertAsync(unwaited).get().getStatus())
                .isEqualTo(UpdateStatus.Acknowledged);
        assertThat(client.upsertAsync(COLLECTION, List.of(point(id(2), "b"))).get().getStatus())
                .isEqualTo(UpdateStatus.Completed);
        Await.until(
                Duration.ofSeconds(5),
                "both points applied",
                () -> qdrant.points(COLLECTION).size() == 2);
    }

    @Test
    void deletesAndMergesPayloadByIdOrFilter() throws Exception {
        client.upsertAsync(
                        COLLECTION,
                        List.of(point(id(1), "a"), point(id(2), "b"), point(id(3), "c")))
                .get();
        client.deleteAsync(COLLECTION, List.of(id(2))).get();
        client.setPayloadAsync(
                        COLLECTION,
                        Map.of("active", value(false)),
                        List.of(id(3)),
                        true,
                        null,
                        null)
                .get();

        List<StoredPoint> points = qdrant.points(COLLECTION);
        assertThat(points).extracting(p -> p.id().getNum()).containsExactly(1L, 3L);
        assertThat(points.get(1).payload().get("active").getBoolValue()).isFalse();
        assertThat(points.get(1).payload().get("title").getStringValue()).isEqualTo("c");
    }

    @Test
    void keepsPayloadIndexesAndScrollsInIdOrder() throws Exception {
        client.createPayloadIndexAsync(
                        COLLECTION, "price", PayloadSchemaType.Float, null, true, null, null)
                .get();
        for (int i = 0; i < 5; i++) {
            client.upsertAsync(COLLECTION, List.of(point(id(10 - i), "p" + i))).get();
        }
        assertThat(qdrant.payloadIndexes(COLLECTION))
                .containsEntry("price", PayloadSchemaType.Float);
        assertThat(client.getCollectionInfoAsync(COLLECTION).get().getPayloadSchemaMap())
                .containsKey("price");

        ScrollResponse first =
                client.scrollAsync(
                                ScrollPoints.newBuilder()
                                        .setCollectionName(COLLECTION)
                                        .setLimit(3)
                                        .build())
                        .get();
        assertThat(first.getResultList())
                .extracting(p -> p.getId().getNum())
                .containsExactly(6L, 7L, 8L);
        ScrollResponse second =
                client.scrollAsync(
                                ScrollPoints.newBuilder()
                                        .setCollectionName(COLLECTION)
                                        .setLimit(3)
                                        .setOffset(first.getNextPageOffset())
                                        .build())
                        .get();
        assertThat(second.getResultList())
                .extracting(p -> p.getId().getNum())
                .containsExactly(9L, 10L);
        assertThat(second.hasNextPageOffset()).isFalse();
    }

    private static PointStruct point(io.qdrant.client.grpc.Common.PointId pointId, String title) {
        return PointStruct.newBuilder()
                .setId(pointId)
                .setVectors(vectors(1f, 0f, 0f))
                .putPayload("title", value(title))
                .putPayload("price", value(100.0))
                .build();
    }

    static Status.Code statusOf(Future<?> call) {
        try {
            call.get();
        } catch (ExecutionException e) {
            return Status.fromThrowable(e.getCause()).getCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }
}
