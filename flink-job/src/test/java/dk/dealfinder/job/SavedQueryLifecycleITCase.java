package dk.dealfinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TOKEN = "lifecycle-token-" + UUID.randomUUID();

    @Test
    void aQueryCreatedThroughTheApiAlertsItsOwnerOnly() throws Exception {
        String pgUrl = SharedPostgres.newDatabase("lifecycle_it");
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
                AlertServer alertServer =
                        AlertServer.start(
                                AlertServerSettings.defaults(
                                                SharedRedis.uri(),
                                                TOKEN,
                                                new DatabaseSettings(
                                                        pgUrl, SharedPostgres.user(), ""))
                                        .withStreamKey("lifecycle:" + UUID.randomUUID()))) {
            String alice = alertServer.newUserBearer("alice-" + UUID.randomUUID());
            String bob = alertServer.newUserBearer("bob-" + UUID.randomUUID());
            JobClient job =
                    DealfinderJob.fromConfig(
                                    LocalStackConfig.of(
                                                    marketplace.baseUrl(),
                                                    pgUrl,
                                                    alertServer.baseUrl(),
                                                    TOKEN)
                                            .config())
                            .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment());
            URI stream = alertServer.baseUrl().resolve("/api/alerts/stream");
            try (SseClient aliceFeed = SseClient.connect(stream, alice);
                    SseClient bobFeed = SseClient.connect(stream, bob)) {
                // With no saved query yet the job has nothing to poll; the new query starts it.
                long before = marketplace.requestCount();
                HttpResponse<String> created =
                        HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(
                                                        alertServer
                                                                .baseUrl()
                                                                .resolve("/api/queries"))
                                                .header("Authorization", alice)
                                                .header("Content-Type", "application/json")
                                                .POST(
                                                        HttpRequest.BodyPublishers.ofString(
                                                                "{\"terms\": \"iPhone 13\","
                                                                        + " \"maxPrice\": 4000}"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String queryId = new ObjectMapper().readTree(created.body()).get("id").asText();

                Await.until(
                        DEADLINE,
                        "the running job polling the new query's search",
                        () -> marketplace.requestCount() > before + 1);
                long genuine =
                        marketplace
                                .catalogue()
                                .publish(
                                        ListingDraft.of("iPhone 13 128GB sort, som ny", 2500),
                                        DecoyKind.GENUINE);

                Await.until(DEADLINE, "Alice's alert", () -> !aliceFeed.events().isEmpty());
                JsonNode alert = new ObjectMapper().readTree(aliceFeed.events().get(0).data());
                assertThat(alert.get("queryId").asText()).isEqualTo(queryId);
                assertThat(alert.get("listingKey").asText()).isEqualTo("dba.dk:" + genuine);
                long polls = marketplace.requestCount();
                Await.until(
                        DEADLINE,
                        "several more polls",
                        () -> marketplace.requestCount() > polls + 3);
                assertThat(bobFeed.events()).as("Bob owns no query that matched").isEmpty();
                assertThat(aliceFeed.events()).hasSize(1);
            } finally {
                job.cancel().get();
            }
        }
    }
}
