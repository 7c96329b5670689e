package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingPointFields;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            String key = point.getPayloadMap().get(ListingPointFields.LISTING_KEY).getStringValue();
            assertThat(point.getId().getUuid()).isEqualTo(EmbeddedListing.pointIdOf(key));
        }
    }

    /**
     * One point per ad of {@link ListingHistories}, each holding exactly its final version, active
     * flag, verdicts and relevant_for list.
     */
    static void finalPayloads(QdrantClient client, String collection, int ads) throws Exception {
        onePointPerAd(client, collection, ads);
        Map<String, Integer> adOf = new HashMap<>();
        for (int ad = 0; ad < ads; ad++) {
            adOf.put(ListingHistories.key(ad), ad);
        }
        for (RetrievedPoint point : scrollAll(client, collection)) {
            Map<String, Value> payload = point.getPayloadMap();
            int ad = adOf.get(payload.get(ListingPointFields.LISTING_KEY).getStringValue());
            ListingHistories.Expected expected = ListingHistories.expected(ad);
            Map<String, String> verdicts = new TreeMap<>();
            payload.get(ListingPointFields.VERDICTS)
                    .getStructValue()
                    .getFieldsMap()
                    .forEach((query, verdict) -> verdicts.put(query, verdict.getStringValue()));
            List<String> relevantFor =
                    payload
                            .get(ListingPointFields.RELEVANT_FOR)
                            .getListValue()
                            .getValuesList()
                            .stream()
                            .map(Value::getStringValue)
                            .toList();
            assertThat(payload.get(ListingPointFields.VERSION).getIntegerValue())
                    .as("version of ad %s", ad)
                    .isEqualTo(expected.version());
            assertThat(payload.get(ListingPointFields.ACTIVE).getBoolValue())
                    .as("active flag of ad %s", ad)
                    .isEqualTo(expected.active());
            assertThat(verdicts).as("verdicts of ad %s", ad).isEqualTo(expected.verdicts());
            assertThat(relevantFor)
                    .as("relevant_for of ad %s", ad)
                    .containsExactlyElementsOf(
                            expected.verdicts().entrySet().stream()
                                    .filter(e -> e.getValue().equals("RELEVANT"))
                                    .map(Map.Entry::getKey)
                                    .toList());
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
