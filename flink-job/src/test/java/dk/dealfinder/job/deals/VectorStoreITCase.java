package dk.dealfinder.job.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingPointFields;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.testkit.doubles.qdrant.StoredPoint;
import dk.dealfinder.testkit.marketplace.Catalogue;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's vector store end to end, on the Qdrant protocol double: each listing's point carries
 * its embedding, where the item page placed it, and every saved query's verdict; a listing taken
 * down on the marketplace becomes an inactive point, and active again when relisted.
 */
class VectorStoreITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DEADLINE = ScenarioStack.DEADLINE;
    private static final String COLLECTION = "listings";

    private ScenarioStack stack;
    private QdrantDouble qdrant;

    @BeforeEach
    void startServices() throws Exception {
        qdrant = QdrantDouble.start();
        stack =
                ScenarioStack.start("vector_store")
                        .withSection(
                                "qdrant",
                                "{host: \""
                                        + QdrantDouble.HOST
                                        + "\", port: "
                                        + qdrant.port()
                                        + ", collection: "
                                        + COLLECTION
                                        + ", batch: {maxTimeInBufferMs: 100}}");
        stack.save(ScenarioStack.IPHONE);
    }

    @AfterEach
    void stopServices() {
        stack.close();
        qdrant.close();
    }

    private Optional<Map<String, Value>> payload(long adId) {
        String id = EmbeddedListing.pointIdOf("dba.dk:" + adId);
        return qdrant.hasCollection(COLLECTION)
                ? qdrant.points(COLLECTION).stream()
                        .filter(p -> p.id().getUuid().equals(id))
                        .map(StoredPoint::payload)
                        .findFirst()
                : Optional.empty();
    }

    private boolean pointSays(long adId, String field, String expected) {
        return payload(adId)
                .map(p -> p.containsKey(field) && p.get(field).toString().contains(expected))
                .orElse(false);
    }

    @Test
    void pointsCarryVerdictsAndPlaceAndFollowTheListingOffAndOnTheMarket() throws Exception {
        Catalogue catalogue = stack.marketplace().catalogue();
        JobClient job = stack.startJob(new Configuration());
        try {
            stack.awaitPolls(2);
            long genuine =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 128GB sort", 2500).withPostcode("8000"),
                            DecoyKind.GENUINE);
            long cover =
                    catalogue.publish(
                            ListingDraft.of("Cover til iPhone 13", 99), DecoyKind.ACCESSORY);
            Await.until(
                    DEADLINE,
                    "both points with the query's verdicts",
                    () ->
                            pointSays(genuine, ListingPointFields.RELEVANT_FOR, "iphone")
                                    && pointSays(cover, ListingPointFields.VERDICTS, "iphone"));
            Map<String, Value> point = payload(genuine).orElseThrow();
            assertThat(point.get(ListingPointFields.VERDICTS).toString()).contains("RELEVANT");
            assertThat(point.get(ListingPointFields.ACTIVE).getBoolValue()).isTrue();
            double latitude =
                    point.get(ListingPointFields.LOCATION)
                            .getStructValue()
                            .getFieldsMap()
                            .get("lat")
                            .getDoubleValue();
            assertThat(latitude).as("Aarhus, from the item page").isBetween(56.0, 56.3);
            assertThat(payload(cover).orElseThrow().get(ListingPointFields.RELEVANT_FOR).toString())
                    .doesNotContain("iphone");

            catalogue.remove(genuine);
            Await.until(
                    DEADLINE,
                    "the removed listing's point inactive",
                    () ->
                            payload(genuine)
                                    .map(p -> !p.get(ListingPointFields.ACTIVE).getBoolValue())
                                    .orElse(false));

            catalogue.relist(genuine);
            Await.until(
                    DEADLINE,
                    "the relisted listing's point active again, verdicts kept",
                    () ->
                            payload(genuine)
                                            .map(
                                                    p ->
                                                            p.get(ListingPointFields.ACTIVE)
                                                                    .getBoolValue())
                                            .orElse(false)
                                    && pointSays(
                                            genuine, ListingPointFields.RELEVANT_FOR, "iphone"));
        } finally {
            job.cancel().get();
        }
    }
}
