package dk.dealfinder.bench;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.reader.DeadLetterOutput;
import dk.dealfinder.scraper.reader.ScraperSettings;
import dk.dealfinder.scraper.reader.SearchSplitReader;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.site.SearchPage;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * Issue 3, polling: search requests per discovered listing of the scraper's {@link
 * SearchSplitReader} (pages newest first, stopping at the first page with nothing new), against a
 * poller that re-fetches every result page of every search each poll. Each side has its own
 * LocalMarketplace with the same seed, stepped through the same scenario ticks between polls, and
 * the requests are the marketplace's own count. A listing counts as discovered when its ad id and
 * content fingerprint were not seen before (new or changed), for both sides.
 */
final class ScraperPollingBench {

    /** The scenario's ticks between two polls: a 30 s poll interval over its 2 s tick. */
    private static final int TICKS_PER_POLL = 15;

    private static final int CATALOGUE = 6_000;

    private ScraperPollingBench() {}

    static void run(Results results, int polls) throws Exception {
        MarketplaceOptions options = MarketplaceOptions.defaults().withCatalogueSize(CATALOGUE);
        Tally incremental;
        Tally full;
        try (LocalMarketplace market = LocalMarketplace.start(options)) {
            incremental = incremental(market, polls);
        }
        try (LocalMarketplace market = LocalMarketplace.start(options)) {
            full = fullRefetch(market, polls);
        }
        String note =
                String.format(
                        "%d saved queries, catalogue of %,d (half live at start), %d polls after"
                                + " the first, %d scenario ticks between polls; discovered %d vs"
                                + " %d listings with %d vs %d requests; the first poll (the"
                                + " same full read for both: %d vs %d requests) is not counted",
                        Workload.QUERIES.size(),
                        CATALOGUE,
                        polls,
                        TICKS_PER_POLL,
                        incremental.discovered,
                        full.discovered,
                        incremental.requests,
                        full.requests,
                        incremental.firstPollRequests,
                        full.firstPollRequests);
        results.add(
                "scraper polling",
                "search requests per discovered listing",
                incremental.requests / (double) Math.max(1, incremental.discovered),
                "requests",
                full.requests / (double) Math.max(1, full.discovered),
                note + "; baseline: every result page re-fetched each poll");
    }

    private record Tally(long firstPollRequests, long requests, long discovered) {}

    private static Tally incremental(LocalMarketplace market, int polls) throws Exception {
        RecommerceAdapter adapter = adapter(market);
        ScraperSettings settings =
                new ScraperSettings(Duration.ofMillis(1), Duration.ofSeconds(10), 1_000, "bench")
                        .withItemPages(false)
                        .withPoliteness(FetchPolicy.polite().withRate(1_000, false));
        SearchSplitReader reader =
                new SearchSplitReader(
                        Map.of("dba.dk", adapter),
                        settings,
                        DeadLetterOutput.LOG_ONLY,
                        UnregisteredMetricsGroup.createSourceReaderMetricGroup(),
                        Clock.systemUTC());
        reader.handleSplitsChanges(
                new SplitsAddition<>(
                        Workload.QUERIES.stream()
                                .map(q -> SearchSplit.fresh("dba.dk", q.id(), q.terms()))
                                .toList()));
        try {
            long start = market.requestCount();
            pollEach(reader);
            long first = market.requestCount() - start;
            start = market.requestCount();
            long discovered = 0;
            for (int poll = 0; poll < polls; poll++) {
                step(market);
                discovered += pollEach(reader);
            }
            return new Tally(first, market.requestCount() - start, discovered);
        } finally {
            reader.close();
        }
    }

    /** One poll of every feed: the reader polls the feed due longest, one per call. */
    private static long pollEach(SearchSplitReader reader) throws InterruptedException {
        long records = 0;
        for (int i = 0; i < Workload.QUERIES.size(); i++) {
            Thread.sleep(2); // past the 1 ms poll interval of the feed polled last
            RecordsWithSplitIds<RawListing> batch = reader.fetch();
            while (batch.nextSplit() != null) {
                while (batch.nextRecordFromSplit() != null) {
                    records++;
                }
            }
            batch.recycle();
        }
        return records;
    }

    private static Tally fullRefetch(LocalMarketplace market, int polls) throws Exception {
        RecommerceAdapter adapter = adapter(market);
        HttpClient http = HttpClient.newHttpClient();
        Set<String> seen = new HashSet<>();
        long start = market.requestCount();
        readAll(http, adapter, seen);
        long first = market.requestCount() - start;
        start = market.requestCount();
        long discovered = 0;
        for (int poll = 0; poll < polls; poll++) {
            step(market);
            discovered += readAll(http, adapter, seen);
        }
        return new Tally(first, market.requestCount() - start, discovered);
    }

    /** Every page of every search; returns how many (ad, version) pairs were new. */
    private static long readAll(HttpClient http, RecommerceAdapter adapter, Set<String> seen)
            throws Exception {
        long fresh = 0;
        for (SavedQuery query : Workload.QUERIES) {
            for (int page = 1; ; page++) {
                HttpResponse<String> answer =
                        http.send(
                                HttpRequest.newBuilder(adapter.searchApiUri(0, query.terms(), page))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException("search answered HTTP " + answer.statusCode());
                }
                SearchPage result = adapter.parseSearchApi(answer.body(), 0);
                for (RawListing l : result.listings()) {
                    if (seen.add(l.adId() + "#" + SearchSplitState.fingerprint(l))) {
                        fresh++;
                    }
                }
                if (result.lastPage() || result.listings().isEmpty()) {
                    break;
                }
            }
        }
        return fresh;
    }

    private static void step(LocalMarketplace market) {
        for (int t = 0; t < TICKS_PER_POLL; t++) {
            market.stepScenario();
        }
    }

    private static RecommerceAdapter adapter(LocalMarketplace market) {
        return new RecommerceAdapter("dba.dk", market.baseUrl().toString(), "DKK");
    }
}
