package dk.dealfinder.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ScraperSource on a MiniCluster against the real LocalMarketplace, two readers. */
class ScraperSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** The saved queries the source reads; static because the source is serialized. */
    private static final Map<String, SavedQuery> QUERIES = new ConcurrentHashMap<>();

    private LocalMarketplace market;
    private JobClient job;

    @BeforeEach
    void start() {
        ExactlyOnceProbe.reset();
        QUERIES.clear();
        market = LocalMarketplace.start(MarketplaceOptions.empty());
    }

    @AfterEach
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        market.close();
    }

    private static void putQuery(String id, String terms, boolean active) {
        QUERIES.put(
                id,
                new SavedQuery(
                        id, id, terms, "dba.dk", null, null, List.of(), List.of(), 50, active));
    }

    private void startJob() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        ScraperSource source =
                ScraperSource.builder()
                        .addSite("dba.dk", market.baseUrl().toString(), "DKK")
                        .setSavedQueries(
                                () -> QUERIES.values().stream().filter(SavedQuery::active).toList())
                        .setPollInterval(Duration.ofMillis(200))
                        .setQueryRefreshInterval(Duration.ofMillis(200))
                        .setPoliteness(FetchPolicy.polite().withRate(200, false))
                        .build();
        env.fromSource(source, WatermarkStrategy.<RawListing>noWatermarks(), "scraper")
                .map(new ExactlyOnceProbe())
                .setParallelism(1)
                .sinkTo(new DiscardingSink<>());
        job = env.executeAsync("scraper-it");
    }

    private Set<String> publish(String prefix, int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            market.clock().advance(Duration.ofSeconds(1));
            ids.add(
                    Long.toString(
                            market.catalogue()
                                    .publish(ListingDraft.of(prefix + " nr " + i, 100 + i))));
        }
        return ids;
    }

    @Test
    void aRestoreMidScenarioLosesNoListingAndEmitsNoneTwice() throws Exception {
        putQuery("chairs", "stol", true);
        putQuery("tables", "bord", true);
        Set<String> expected = new HashSet<>(publish("Stol", 0, 10));
        expected.addAll(publish("Bord", 0, 10));
        startJob();
        Await.until(
                DEADLINE,
                "a checkpoint that covers the first 20 listings",
                () -> ExactlyOnceProbe.COMMITTED.get() >= 20);

        ExactlyOnceProbe.FAIL_AT.set(30);
        expected.addAll(publish("Stol", 10, 20));
        expected.addAll(publish("Bord", 10, 20));

        Await.until(
                DEADLINE,
                "all 40 listings seen after a restore, and checkpointed",
                () ->
                        ExactlyOnceProbe.FAILED.get()
                                && ExactlyOnceProbe.RESTORES.get() >= 1
                                && ExactlyOnceProbe.COMMITTED.get() >= 40);

        assertThat(ExactlyOnceProbe.SEEN.get()).isEqualTo(expected);
        assertThat(ExactlyOnceProbe.DUPLICATES.get()).isZero();
    }

    @Test
    void aPausedQueryStopsBeingPolledAndANewOneStarts() throws Exception {
        putQuery("chairs", "stol", true);
        publish("Stol", 0, 3);
        publish("Lampe", 0, 3);
        startJob();
        Await.until(DEADLINE, "the chairs", () -> ExactlyOnceProbe.SEEN.get().size() == 3);

        putQuery("chairs", "stol", false);
        putQuery("lamps", "lampe", true);
        Await.until(DEADLINE, "the lamps", () -> ExactlyOnceProbe.SEEN.get().size() == 6);
        long chairSearches = searchesFor("q=stol");
        Await.until(
                DEADLINE,
                "the lamps feed polled several more times",
                () -> searchesFor("q=lampe") > 10);

        assertThat(searchesFor("q=stol"))
                .as("no chair search after the query was paused, beyond one in flight")
                .isLessThanOrEqualTo(chairSearches + 1);
    }

    private long searchesFor(String query) {
        return market.servedRequests().stream()
                .map(ServedRequest::path)
                .filter(p -> p.contains("/api/search/") && p.contains(query))
                .count();
    }
}
