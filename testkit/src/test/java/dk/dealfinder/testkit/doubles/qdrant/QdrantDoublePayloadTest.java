package dk.dealfinder.testkit.doubles.qdrant;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payload updates as Qdrant makes them: set-payload by id insists on existing points, by filter it
 * does not; update batches apply in order and stop at the first failing operation; keyword arrays
 * and {@code is_empty} filter as in Qdrant.
 */
class QdrantDoublePayloadTest {

    private static final String COLLECTION = "listings";

    private QdrantDouble qdrant;
    private QdrantClient client;

    @BeforeEach
    void start() throws Exception {
        qdrant = QdrantDouble.start();
        qdrant.createCollection(COLLECTION, 2, Distance.Cosine);
        client = qdrant.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        qdrant.close();
    }

    @Test
    void settingPayloadByIdOnAMissingPointIsNotFoundButByFilterItIsANoOp() throws Exception {
        client.upsertAsync(COLLECTION, List.of(point(1, List.of()))).get();

        var byId =
                client.setPayloadAsync(
                        COLLECTION,
                        Map.of("active", value(false)),
                        List.of(id(1), id(2)),
                        true,
                        null,
                        null);
        assertThat(QdrantDoubleTest.statusOf(byId)).isEqualTo(Status.Code.NOT_FOUND);
        // Like Qdrant, the existing point was updated before the missing one failed the call.
        assertThat(payloadOf(1).get("active").getBoolValue()).isFalse();

        client.setPayloadAsync(
                        COLLECTION,
                        Map.of("active", value(true)),
                        Filter.newBuilder().addMust(hasId(List.of(id(1), id(2)))).build(),
                        true,
                        null,
                        null)
                .get();
        assertThat(payloadOf(1).get("active").getBoolValue()).isTrue();
        assertThat(qdrant.points(COLLECTION)).hasSize(1);
    }

    @Test
    void anUpdateBatchAppliesInOrderAndStopsAtTheFirstFailure() throws Exception {
        UpdateBatchPoints batch =
                UpdateBatchPoints.newBuilder()
                        .setCollectionName(COLLECTION)
                        .setWait(true)
                        .addOperations(upsert(point(1, List.of())))
                        .addOperations(setActive(false, hasIdFilter(id(1))))
                        .addOperations(setActive(true, byIds(id(9))))
                        .addOperations(upsert(point(2, List.of())))
                        .build();

        assertThat(QdrantDoubleTest.statusOf(client.batchUpdateAsync(batch, null)))
                .isEqualTo(Status.Code.NOT_FOUND);

        // The filter saw the point the first operation wrote; nothing after the failure ran.
        assertThat(qdrant.points(COLLECTION)).hasSize(1);
        assertThat(payloadOf(1).get("active").getBoolValue()).isFalse();
    }

    @Test
    void keywordConditionsMatchAnyArrayElementAndIsEmptyMatchesMissingOrEmptyArrays()
            throws Exception {
        client.upsertAsync(
                        COLLECTION,
                        List.of(
                                point(1, List.of("iphone", "phones")),
                                point(2, List.of()),
                                point(3, null),
                                point(4, List.of("bikes"))))
                .get();

        assertThat(idsMatching(Filter.newBuilder().addMust(matchKeyword("relevant_for", "phones"))))
                .containsExactly(1L);
        assertThat(idsMatching(Filter.newBuilder().addMust(isEmpty("relevant_for"))))
                .containsExactly(2L, 3L);
        assertThat(idsMatching(Filter.newBuilder().addMustNot(isEmpty("relevant_for"))))
                .containsExactly(1L, 4L);
    }

    private List<Long> idsMatching(Filter.Builder filter) throws Exception {
        return client
                .scrollAsync(
                        io.qdrant.client.grpc.Points.ScrollPoints.newBuilder()
                                .setCollectionName(COLLECTION)
                                .setFilter(filter)
                                .setLimit(10)
                                .build())
                .get()
                .getResultList()
                .stream()
                .map(p -> p.getId().getNum())
                .toList();
    }

    private Map<String, Value> payloadOf(long id) {
        return qdrant.points(COLLECTION).stream()
                .filter(p -> p.id().getNum() == id)
                .findFirst()
                .orElseThrow()
                .payload();
    }

    private static PointStruct point(long id, List<String> relevantFor) {
        PointStruct.Builder point =
                PointStruct.newBuilder()
                        .setId(id(id))
                        .setVectors(vectors(1f, 0f))
                        .putPayload("active", value(true));
        if (relevantFor != null) {
            point.putPayload(
                    "relevant_for", list(relevantFor.stream().map(v -> value(v)).toList()));
        }
        return point.build();
    }

    private static PointsUpdateOperation upsert(PointStruct point) {
        return PointsUpdateOperation.newBuilder()
                .setUpsert(PointsUpdateOperation.PointStructList.newBuilder().addPoints(point))
                .build();
    }

    private static PointsUpdateOperation setActive(boolean active, PointsSelector selector) {
        return PointsUpdateOperation.newBuilder()
                .setSetPayload(
                        PointsUpdateOperation.SetPayload.newBuilder()
                                .putPayload("active", value(active))
                                .setPointsSelector(selector))
                .build();
    }

    private static PointsSelector hasIdFilter(PointId id) {
        return PointsSelector.newBuilder()
                .setFilter(Filter.newBuilder().addMust(hasId(id)))
                .build();
    }

    private static PointsSelector byIds(PointId id) {
        return PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addIds(id)).build();
    }
}
