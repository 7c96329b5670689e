package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingPointFields;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.testkit.doubles.qdrant.StoredPoint;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.PointsUpdateOperation.OperationCase;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QdrantWriteRequestsTest {

    private final EmbeddedListingConverter converter = new EmbeddedListingConverter();

    @Test
    void aMixedBatchKeepsTheOrderOfItsWrites() {
        List<QdrantPointWrite> writes =
                List.of(
                        converter.apply(TestListings.embedded(1, 1), null),
                        converter.apply(TestListings.embedded(2, 1), null),
                        QdrantPointWrite.deactivate("dba.dk:ad1"),
                        QdrantPointWrite.delete("dba.dk:ad2"),
                        converter.apply(TestListings.embedded(3, 1), null));

        UpdateBatchPoints batch = QdrantWriteRequests.batch("listings", true, writes);

        assertThat(QdrantWriteRequests.onlyUpserts(writes)).isFalse();
        assertThat(batch.getWait()).isTrue();
        assertThat(batch.getOperationsList())
                .extracting(o -> o.getOperationCase())
                .containsExactly(
                        OperationCase.UPSERT,
                        OperationCase.SET_PAYLOAD,
                        OperationCase.DELETE_POINTS,
                        OperationCase.UPSERT);
        assertThat(batch.getOperations(0).getUpsert().getPointsCount()).isEqualTo(2);
    }

    @Test
    void deactivatedListingsStayButTurnInactiveAndDeletedOnesGo() throws Exception {
        List<StoredPoint> points =
                applied(
                        converter.apply(TestListings.embedded(1, 1), null),
                        converter.apply(TestListings.embedded(2, 1), null),
                        QdrantPointWrite.deactivate("dba.dk:ad1"),
                        QdrantPointWrite.delete("dba.dk:ad2"));

        assertThat(points).hasSize(1);
        assertThat(points.get(0).payload().get(ListingPointFields.LISTING_KEY).getStringValue())
                .isEqualTo("dba.dk:ad1");
        assertThat(points.get(0).payload().get(ListingPointFields.ACTIVE).getBoolValue()).isFalse();
    }

    @Test
    void payloadIsSetByFilterAndOnlyTheLastWriteOfARunPerPointIsSent() {
        List<QdrantPointWrite> writes =
                List.of(
                        QdrantPointWrite.setVerdicts("dba.dk:ad1", Map.of("q1", "IRRELEVANT")),
                        QdrantPointWrite.setVerdicts("dba.dk:ad2", Map.of("q1", "RELEVANT")),
                        QdrantPointWrite.setVerdicts(
                                "dba.dk:ad1", Map.of("q1", "RELEVANT", "q2", "BROKEN")),
                        QdrantPointWrite.deactivate("dba.dk:ad1"),
                        QdrantPointWrite.deactivate("dba.dk:ad3"));

        UpdateBatchPoints batch = QdrantWriteRequests.batch("listings", true, writes);

        assertThat(batch.getOperationsList())
                .extracting(o -> o.getOperationCase())
                .containsExactly(
                        OperationCase.SET_PAYLOAD,
                        OperationCase.SET_PAYLOAD,
                        OperationCase.SET_PAYLOAD);
        var ad2 = batch.getOperations(0).getSetPayload();
        var ad1 = batch.getOperations(1).getSetPayload();
        assertThat(ad2.getPointsSelector().hasFilter()).isTrue();
        assertThat(ad2.getPointsSelector().getFilter().getMust(0).getHasId().getHasId(0).getUuid())
                .isEqualTo(EmbeddedListing.pointIdOf("dba.dk:ad2"));
        assertThat(
                        ad1.getPayloadMap()
                                .get(ListingPointFields.RELEVANT_FOR)
                                .getListValue()
                                .getValuesList())
                .extracting(v -> v.getStringValue())
                .containsExactly("q1");
        assertThat(
                        ad1.getPayloadMap()
                                .get(ListingPointFields.VERDICTS)
                                .getStructValue()
                                .getFieldsMap())
                .containsOnlyKeys("q1", "q2");
        var deactivated = batch.getOperations(2).getSetPayload();
        assertThat(deactivated.getPayloadMap().get(ListingPointFields.ACTIVE).getBoolValue())
                .isFalse();
        assertThat(
                        deactivated
                                .getPointsSelector()
                                .getFilter()
                                .getMust(0)
                                .getHasId()
                                .getHasIdCount())
                .isEqualTo(2);
    }

    @Test
    void payloadWritesForListingsWithoutAPointChangeNothing() throws Exception {
        List<StoredPoint> points =
                applied(
                        QdrantPointWrite.deactivate("dba.dk:gone"),
                        QdrantPointWrite.setVerdicts("dba.dk:gone", Map.of("q1", "RELEVANT")),
                        QdrantPointWrite.delete("dba.dk:gone"),
                        converter.apply(TestListings.embedded(1, 1), null),
                        QdrantPointWrite.setVerdicts("dba.dk:ad1", Map.of("q1", "RELEVANT")));

        assertThat(points).hasSize(1);
        assertThat(
                        points.get(0)
                                .payload()
                                .get(ListingPointFields.RELEVANT_FOR)
                                .getListValue()
                                .getValues(0)
                                .getStringValue())
                .isEqualTo("q1");
    }

    /** The points of a fresh collection in the Qdrant double after {@code writes} as one batch. */
    private static List<StoredPoint> applied(QdrantPointWrite... writes) throws Exception {
        try (QdrantDouble qdrant = QdrantDouble.start();
                QdrantClient client = qdrant.newClient()) {
            qdrant.createCollection("listings", TestListings.DIMENSION, Distance.Cosine);
            client.batchUpdateAsync(
                            QdrantWriteRequests.batch("listings", true, List.of(writes)), null)
                    .get();
            return qdrant.points("listings");
        }
    }
}
