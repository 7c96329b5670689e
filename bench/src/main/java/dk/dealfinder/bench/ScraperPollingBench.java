package dk.dealfinder.bench;

import dk.dealfinder.core.config.ConfigLoader;
import dk.dealfinder.core.config.DealfinderConfig;
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
 * SearchSplitReader} with the scraper's default settings (pages newest first, stopping at the first
 * page with nothing new, and every so many polls a deeper sweep that does not stop), against a
 * poller that re-fetches every result page of every search each poll; and the same reader without
 * sweeps, to show what they cost and what they find. Each side has its own LocalMarketplace with
 * the same seed, stepped through the same scenario ticks between polls, and the requests are the
 * marketplace's own count. A listing counts as discovered when its ad id and content fingerprint
 * were not on the site before the counted polls (a new ad or a new version), the same rule for
 * every side.
 */
final class ScraperPollingBench {

    /** The scenario's ticks between two polls: a 30 s poll interval over its 2 s tick. */
    private static final int TICKS_PER_POLL = 15;

    private static final int CATALOGUE = 6_000;

    private ScraperPollingBench() {}

    static void run(Results results, int polls) throws Exception {
        // The bundled defaults; the token only satisfies validation, nothing here uses it.
        DealfinderConfig.Scraper defaults =
                new ConfigLoader(name -> null)
                        .parse("alertServer: {token: " + BenchServices.TOKEN + "}")
                        .scraper();
        ScraperSettings swept =
                settings(defaults.maxPagesPerPoll())
                        .withSweep(
                                defaults.sweepEvery(),
                                defaults.maxPagesPerSweep(),
                                defaults.goneChecksPerSweep());
        MarketplaceOptions options = MarketplaceOptions.defaults().withCatalogueSize(CATALOGUE);
        Tally full;
        Tally sweeps;
        Tally noSweeps;
        // The baseline first: its first poll reads every page, so it knows what was there before
        // the polls counted here; the same seed gives the other sides the same start.
        try (LocalMarketplace market = LocalMarketplace.start(options)) {
            full = fullRefetch(market, polls);
        }
        try (LocalMarketplace market = LocalMarketplace.start(options)) {
            sweeps = incremental(market, polls, swept, full.atStart);
        }
        try (LocalMarketplace market = LocalMarketplace.start(options)) {
            noSweeps =
                    incremental(market, polls, settings(defaults.maxPagesPerPoll()), full.atStart);
        }
        String setup =
                String.format(
                        "%d saved queries, catalogue of %,d (half live at start), %d polls after"
                                + " the first, %d scenario ticks between polls; discovered: an (ad,"
                                + " content) pair not on the site before the counted polls (the"
                                + " first poll, %d vs %d requests, is not counted); the scraper's"
                                + " defaults: at most %d pages a poll, a sweep %d pages deep every"
                                + " %dth poll; baseline: every result page re-fetched each poll",
                        Workload.QUERIES.size(),
                        CATALOGUE,
                        polls,
                        TICKS_PER_POLL,
                        sweeps.firstPollRequests,
                        full.firstPollRequests,
                        defaults.maxPagesPerPoll(),
                        defaults.maxPagesPerSweep(),
                        defaults.sweepEvery());
        results.add(
                "scraper polling",
                "search requests per discovered listing, with sweeps",
                sweeps.requestsPerListing(),
                "requests",
                full.requestsPerListing(),
                String.format(
                        "%d vs %d requests for %d vs %d listings; %s",
                        sweeps.requests,
                        full.requests,
                        sweeps.discovered.size(),
                        full.discovered.size(),
                        setup));
        results.add(
                "scraper polling",
                "new ads and new versions discovered, with sweeps",
                sweeps.discovered.size(),
                "listings",
                full.discovered.size(),
                String.format(
                        "ratio: the share of what re-fetching every page finds; missed %d of the"
                                + " baseline's; same runs",
                        sweeps.missedOf(full)));
        results.add(
                "scraper polling",
                "new ads and new versions discovered, without sweeps",
                noSweeps.discovered.size(),
                "listings",
                full.discovered.size(),
                String.format(
                        "sweepEvery 0: missed %d of the baseline's; %d requests, %.2f per"
                                + " discovered listing (baseline %.2f)",
                        noSweeps.missedOf(full),
                        noSweeps.requests,
                        noSweeps.requestsPerListing(),
                        full.requestsPerListing()));
    }

    /**
     * One side's polls.
     *
     * @param atStart the (ad, content) pairs on the site before the counted polls (the baseline's)
     * @param discovered the pairs it found in the counted polls that were not there at the start
     */
    private record Tally(
            long firstPollRequests, long requests, Set<String> atStart, Set<String> discovered) {

        double requestsPerListing() {
            return requests / (double) Math.max(1, discovered.size());
        }

        long missedOf(Tally baseline) {
            return baseline.discovered.stream().filter(k -> !discovered.contains(k)).count();
        }
    }

    /** The reader's settings here: no item pages, no politeness wait, the given page limit. */
    private static ScraperSettings settings(int maxPagesPerPoll) {
        return new ScraperSettings(
                        Duration.ofMillis(1), Duration.ofSeconds(10), maxPagesPerPoll, "bench")
                .withItemPages(false)
                .withPoliteness(FetchPolicy.polite().withRate(1_000, false));
    }

    private static Tally incremental(
            LocalMarketplace market, int polls, ScraperSettings settings, Set<String> atStart)
            throws Exception {
        RecommerceAdapter adapter = adapter(market);
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
            pollEach(reader, new HashSet<>());
            long first = market.requestCount() - start;
            start = market.requestCount();
            Set<String> found = new HashSet<>();
            for (int poll = 0; poll < polls; poll++) {
                step(market);
                pollEach(reader, found);
            }
            found.removeAll(atStart);
            return new Tally(first, market.requestCount() - start, atStart, found);
        } finally {
            reader.close();
        }
    }

    /** One poll of every feed (the reader polls the feed due longest, one per call). */
    private static void pollEach(SearchSplitReader reader, Set<String> found)
            throws InterruptedException {
        for (int i = 0; i < Workload.QUERIES.size(); i++) {
            Thread.sleep(2); // past the 1 ms poll interval of the feed polled last
            RecordsWithSplitIds<RawListing> batch = reader.fetch();
            while (batch.nextSplit() != null) {
                RawListing l;
                while ((l = batch.nextRecordFromSplit()) != null) {
                    found.add(key(l));
                }
            }
            batch.recycle();
        }
    }

    private static String key(RawListing l) {
        return l.adId() + "#" + SearchSplitState.fingerprint(l);
    }

    private static Tally fullRefetch(LocalMarketplace market, int polls) throws Exception {
        RecommerceAdapter adapter = adapter(market);
        HttpClient http = HttpClient.newHttpClient();
        Set<String> atStart = new HashSet<>();
        long start = market.requestCount();
        readAll(http, adapter, atStart);
        long first = market.requestCount() - start;
        start = market.requestCount();
        Set<String> found = new HashSet<>();
        for (int poll = 0; poll < polls; poll++) {
            step(market);
            readAll(http, adapter, found);
        }
        found.removeAll(atStart);
        return new Tally(first, market.requestCount() - start, atStart, found);
    }

    /** Every page of every search; adds each (ad, content) pair read to {@code found}. */
    private static void readAll(HttpClient http, RecommerceAdapter adapter, Set<String> found)
            throws Exception {
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
                result.listings().forEach(l -> found.add(key(l)));
                if (result.lastPage() || result.listings().isEmpty()) {
                    break;
                }
            }
        }
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
