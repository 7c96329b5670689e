package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.testkit.doubles.qdrant.StoredPoint;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.PointsUpdateOperation.OperationCase;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import java.time.Duration;
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
        try (QdrantDouble qdrant = QdrantDouble.start();
                QdrantClient client = qdrant.newClient()) {
            new CollectionBootstrap(
                            client,
                            new CollectionSpec(
                                    "listings", TestListings.DIMENSION, Distance.Cosine, Map.of()),
                            Duration.ofSeconds(10))
                    .ensureCollection();
            List<QdrantPointWrite> writes =
                    List.of(
                            converter.apply(TestListings.embedded(1, 1), null),
                            converter.apply(TestListings.embedded(2, 1), null),
                            QdrantPointWrite.deactivate("dba.dk:ad1"),
                            QdrantPointWrite.delete("dba.dk:ad2"));

            client.batchUpdateAsync(QdrantWriteRequests.batch("listings", true, writes), null)
                    .get();

            List<StoredPoint> points = qdrant.points("listings");
            assertThat(points).hasSize(1);
            assertThat(points.get(0).payload().get(ListingPayload.LISTING_KEY).getStringValue())
                    .isEqualTo("dba.dk:ad1");
            assertThat(points.get(0).payload().get(ListingPayload.ACTIVE).getBoolValue()).isFalse();
        }
    }
}
