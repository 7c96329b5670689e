package dk.dealfinder.job.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's saved query, created through the alert-server's REST API while the job runs, is picked
 * up by the running job within seconds, and its alert reaches that user's feed and nobody else's.
 */
class SavedQueryLifecycleITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void aQueryCreatedThroughTheApiAlertsItsOwnerOnly() throws Exception {
        try (ScenarioStack stack = ScenarioStack.start("lifecycle_it")) {
            String alice = stack.newUser();
            JobClient job = stack.startJob(new Configuration());
            try (SseClient aliceFeed = stack.openFeed(alice);
                    SseClient bobFeed = stack.openFeed()) {
                // With no saved query yet the job has nothing to poll; the new query starts it.
                String queryId =
                        stack.createQuery(alice, "{\"terms\": \"iPhone 13\", \"maxPrice\": 4000}");
                stack.awaitPolls(2);
                long genuine =
                        stack.marketplace()
                                .catalogue()
                                .publish(
                                        ListingDraft.of("iPhone 13 128GB sort, som ny", 2500),
                                        DecoyKind.GENUINE);

                Await.until(
                        ScenarioStack.DEADLINE,
                        "Alice's alert",
                        () -> !aliceFeed.events().isEmpty());
                JsonNode alert = new ObjectMapper().readTree(aliceFeed.events().get(0).data());
                assertThat(alert.get("queryId").asText()).isEqualTo(queryId);
                assertThat(alert.get("listingKey").asText()).isEqualTo("dba.dk:" + genuine);
                stack.awaitPolls(4);
                assertThat(bobFeed.events()).as("Bob owns no query that matched").isEmpty();
                assertThat(aliceFeed.events()).hasSize(1);
            } finally {
                job.cancel().get();
            }
        }
    }
}
