package dk.dealfinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedKafka;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton end to end on a MiniCluster: real PostgreSQL, Redis and Kafka, the
 * LocalMarketplace, the real alert-server and a real SSE client.
 */
class DealfinderJobITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TOKEN = "it-case-token-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalMarketplace marketplace;
    private static AlertServer alertServer;
    private static String pgUrl;
    private static String rawTopic;

    @BeforeAll
    static void startServices() throws Exception {
        pgUrl = SharedPostgres.newDatabase("job_it");
        Migrations.migrate(pgUrl, SharedPostgres.user(), "");
        marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
        alertServer =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                        SharedRedis.uri(),
                                        TOKEN,
                                        new DatabaseSettings(pgUrl, SharedPostgres.user(), ""))
                                .withStreamKey("it:" + UUID.randomUUID()));
        rawTopic = "raw-" + UUID.randomUUID();
    }

    @AfterAll
    static void stopServices() {
        alertServer.close();
        marketplace.close();
    }

    private static DealfinderConfig config() {
        return LocalStackConfig.of(marketplace.baseUrl(), pgUrl, alertServer.baseUrl(), TOKEN)
                .section("deals", "{imageHashCache: \"" + SharedRedis.uri() + "\"}")
                .section(
                        "kafka",
                        "{bootstrapServers: \""
                                + SharedKafka.bootstrapServers()
                                + "\", rawTopic: "
                                + rawTopic
                                + "}")
                .config();
    }

    @Test
    void aMatchingListingReachesAnSseClientExactlyOnceAndDecoysDoNot() throws Exception {
        new JdbcSavedQueryStore(pgUrl, "postgres", "", List.of())
                .upsert(
                        new SavedQuery(
                                "iphone",
                                "iPhone 13 under 4.000",
                                "iPhone 13",
                                "dba.dk",
                                null,
                                4000L,
                                List.of(),
                                List.of(),
                                50,
                                true));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobClient job = DealfinderJob.fromConfig(config()).executeAsync(env);
        try (SseClient feed =
                SseClient.connect(
                        alertServer.baseUrl().resolve("/api/alerts/stream"),
                        alertServer.newUserBearer("it-" + UUID.randomUUID()))) {
            long idle = marketplace.requestCount();
            Await.until(
                    DEADLINE,
                    "the scraper polls the marketplace",
                    () -> marketplace.requestCount() > idle + 1);

            // Decoys first: the genuine listing is published last, so once its alert has arrived
            // every decoy has been through the (order-preserving, parallelism 1) pipeline too.
            var catalogue = marketplace.catalogue();
            long cover =
                    catalogue.publish(
                            ListingDraft.of("Cover til iPhone 13", 99), DecoyKind.ACCESSORY);
            long wanted =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 købes", 2000)
                                    .withTradeType(ListingDraft.WANTED),
                            DecoyKind.WANTED);
            long pricey =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 256GB blå", 9000), DecoyKind.OVERPRICED);
            long genuine =
                    catalogue.publish(
                            ListingDraft.of("iPhone 13 128GB sort, som ny", 2500)
                                    .withDescription(
                                            "Altid haft cover og skærmbeskyttelse på."
                                                    + " Kvittering haves."),
                            DecoyKind.GENUINE);

            Await.until(DEADLINE, "an alert on the SSE feed", () -> !feed.events().isEmpty());
            Await.until(
                    DEADLINE,
                    "all four listings stored",
                    () -> count("SELECT count(*) FROM listings") == 4);
            long pollsAfterAlert = marketplace.requestCount();
            Await.until(
                    DEADLINE,
                    "several more polls",
                    () -> marketplace.requestCount() > pollsAfterAlert + 3);

            List<SseClient.Event> events = feed.events();
            assertThat(events).hasSize(1);
            JsonNode alert = JSON.readTree(events.get(0).data());
            assertThat(events.get(0).event()).isEqualTo("alert");
            assertThat(alert.get("listingKey").asText()).isEqualTo("dba.dk:" + genuine);
            assertThat(alert.get("queryId").asText()).isEqualTo("iphone");
            assertThat(alert.get("price").asLong()).isEqualTo(2500);
            assertThat(alert.get("explanation").asText())
                    .contains("under your max price of 4.000 kr.");

            assertThat(
                            count(
                                    "SELECT count(*) FROM alerts WHERE listing_key = 'dba.dk:"
                                            + genuine
                                            + "'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM alerts")).isEqualTo(1);
            assertThat(
                            count(
                                    "SELECT count(*) FROM listings WHERE listing_key IN ('dba.dk:"
                                            + cover
                                            + "', 'dba.dk:"
                                            + wanted
                                            + "', 'dba.dk:"
                                            + pricey
                                            + "') AND version = 1"))
                    .isEqualTo(3);
            assertThat(
                            count(
                                    "SELECT count(*) FROM price_history WHERE version = 1 AND"
                                            + " change_kind = 'NEW'"))
                    .isEqualTo(4);
            Await.until(
                    DEADLINE,
                    "the genuine listing's match with its score components",
                    () ->
                            count(
                                            "SELECT count(*) FROM matches WHERE query_id ="
                                                    + " 'iphone' AND verdict = 'RELEVANT' AND"
                                                    + " price_score > 0.5 AND listing_key ="
                                                    + " 'dba.dk:"
                                                    + genuine
                                                    + "'")
                                    == 1);
            // The overpriced iPhone is no deal, but its price is market data all the same.
            Await.until(
                    DEADLINE,
                    "the market estimate of the query, the out-of-range price included",
                    () ->
                            count(
                                            "SELECT count(*) FROM market_estimates WHERE query_id"
                                                    + " = 'iphone' AND n = 2 AND median BETWEEN"
                                                    + " 2500 AND 9000")
                                    == 1);
            assertThat(rawArchiveKeys()).contains("\"adId\":\"" + genuine + "\"");
        } finally {
            job.cancel().get();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every raw listing JSON on the archive topic, concatenated. */
    private static String rawArchiveKeys() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(rawTopic));
            Await.until(
                    DEADLINE,
                    "raw listings on the archive topic",
                    () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                        return values.size() >= 4;
                    });
        }
        return String.join("\n", values);
    }
}
