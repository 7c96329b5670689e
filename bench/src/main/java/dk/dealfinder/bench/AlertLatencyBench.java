package dk.dealfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * From the moment the LocalMarketplace publishes a listing to the moment a real SSE client receives
 * its alert, through the real scraper, topology, alert-server and Redis. The poll interval is
 * reported on its own: a listing waits for the next poll (up to one interval) before the pipeline
 * can see it.
 */
final class AlertLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TITLES = {
        "iPhone 13 128GB sort",
        "iPhone 13 som ny",
        "iPhone 13 256GB blå",
        "Flot iPhone 13 128 GB",
        "iPhone 13 midnight 128GB",
        "iPhone 13 med kvittering"
    };

    private AlertLatencyBench() {}

    static void run(Results results, int listings, Duration pollInterval, double perSecond)
            throws Exception {
        try (BenchServices services =
                new BenchServices(LocalMarketplace.start(MarketplaceOptions.empty()))) {
            services.save(
                    List.of(
                            new SavedQuery(
                                    "iphone13",
                                    "iPhone 13",
                                    "iPhone 13",
                                    "dba.dk",
                                    null,
                                    6000L,
                                    List.of(),
                                    List.of(),
                                    50,
                                    true)));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobClient job =
                    DealfinderJob.fromConfig(
                                    services.config(pollInterval.toMillis() + "ms").config())
                            .executeAsync(env);
            // In publish order; only this thread writes it, the reads come after.
            Map<String, Long> publishedAt = new LinkedHashMap<>();
            try (SseClient feed =
                    SseClient.connect(
                            services.alertServer.baseUrl().resolve("/api/alerts/stream"),
                            services.alertServer.newUserBearer("bench-" + UUID.randomUUID()))) {
                long polls = services.marketplace.requestCount();
                Await.until(
                        Duration.ofMinutes(2),
                        "the scraper polling",
                        () -> services.marketplace.requestCount() > polls + 1);
                publish(services.marketplace, listings, perSecond, publishedAt);
                awaitAlerts(feed, listings);
                record(
                        results,
                        feed.events(),
                        publishedAt,
                        pollInterval,
                        MissingAlerts.explain(
                                services.pgUrl, List.copyOf(publishedAt.keySet()), alerted(feed)));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** Waits for an alert per listing, but measures what arrived if some never do. */
    private static void awaitAlerts(SseClient feed, int listings) {
        try {
            Await.until(
                    Duration.ofMinutes(2),
                    "an alert for every listing",
                    () -> feed.events().size() >= listings);
        } catch (AssertionError e) {
            System.out.printf(
                    "only %d of %d alerts arrived; measuring those%n",
                    feed.events().size(), listings);
        }
    }

    /** The listings the alerts on the feed are for. */
    private static Set<String> alerted(SseClient feed) throws Exception {
        Set<String> keys = new HashSet<>();
        for (SseClient.Event e : feed.events()) {
            keys.add(JSON.readTree(e.data()).path("listingKey").asText());
        }
        return keys;
    }

    private static void publish(
            LocalMarketplace market, int n, double perSecond, Map<String, Long> publishedAt) {
        long intervalNanos = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += intervalNanos;
            // Each listing undercuts the last, so each is a deal against the market estimate.
            long price = 4900 - i * 5L;
            long id =
                    market.catalogue()
                            .publish(
                                    ListingDraft.of(TITLES[i % TITLES.length], price)
                                            .withDescription(
                                                    "Sælges da jeg har fået ny. Nr. " + i));
            publishedAt.put("dba.dk:" + id, System.currentTimeMillis());
        }
    }

    private static void record(
            Results results,
            List<SseClient.Event> events,
            Map<String, Long> publishedAt,
            Duration pollInterval,
            String missing)
            throws Exception {
        List<Long> total = new ArrayList<>();
        List<Long> pipeline = new ArrayList<>();
        for (SseClient.Event e : events) {
            JsonNode alert = JSON.readTree(e.data());
            Long published = publishedAt.get(alert.path("listingKey").asText());
            if (published == null) {
                continue;
            }
            total.add(e.receivedAtMillis() - published);
            if (alert.has("fetchedAt")) {
                pipeline.add(e.receivedAtMillis() - alert.get("fetchedAt").asLong());
            }
        }
        Percentiles t = new Percentiles(total);
        String note =
                String.format(
                        "%d alerts for %d listings (%s); poll interval %d ms",
                        t.size(), publishedAt.size(), missing, pollInterval.toMillis());
        results.add("alert latency", "publish -> SSE p50", t.at(50), "ms", note);
        results.add("alert latency", "publish -> SSE p95", t.at(95), "ms", note);
        results.add("alert latency", "publish -> SSE p99", t.at(99), "ms", note);
        if (!pipeline.isEmpty()) {
            Percentiles p = new Percentiles(pipeline);
            String inside =
                    "scrape -> SSE (excludes the wait for the next poll); target p99 <= 1000 ms";
            results.add("alert latency", "inside the pipeline p50", p.at(50), "ms", inside);
            results.add("alert latency", "inside the pipeline p99", p.at(99), "ms", inside);
        }
    }
}
