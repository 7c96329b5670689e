package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.util.ArrayList;
import java.util.List;

/** What a Qdrant collection must hold after the test job, read through the public API. */
final class PointAssertions {

    private PointAssertions() {}

    /** Exactly one point per ad, each under the point id derived from its listing key. */
    static void onePointPerAd(QdrantClient client, String collection, int ads) throws Exception {
        List<RetrievedPoint> points = scrollAll(client, collection);
        assertThat(client.countAsync(collection, null, true).get()).isEqualTo(ads);
        assertThat(points).hasSize(ads);
        assertThat(points.stream().map(p -> p.getId().getUuid()).distinct()).hasSize(ads);
        for (RetrievedPoint point : points) {
            String key = point.getPayloadMap().get(ListingPayload.LISTING_KEY).getStringValue();
            assertThat(point.getId().getUuid()).isEqualTo(EmbeddedListing.pointIdOf(key));
        }
    }

    private static List<RetrievedPoint> scrollAll(QdrantClient client, String collection)
            throws Exception {
        List<RetrievedPoint> points = new ArrayList<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder request =
                    ScrollPoints.newBuilder()
                            .setCollectionName(collection)
                            .setLimit(256)
                            .setWithPayload(WithPayloadSelectorFactory.enable(true));
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse page = client.scrollAsync(request.build()).get();
            points.addAll(page.getResultList());
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        return points;
    }
}
