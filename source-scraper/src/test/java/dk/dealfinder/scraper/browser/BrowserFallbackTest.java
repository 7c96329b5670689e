package dk.dealfinder.scraper.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.reader.DeadLetterOutput;
import dk.dealfinder.scraper.reader.ScraperSettings;
import dk.dealfinder.scraper.reader.SearchSplitReader;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** A real headless Debian chromium against a marketplace page that renders with JavaScript. */
class BrowserFallbackTest {

    @Test
    void thePoolRendersScriptBuiltListingsAndReusesItsBrowser() throws Exception {
        try (LocalMarketplace market = LocalMarketplace.start(MarketplaceOptions.empty());
                BrowserPool pool =
                        new BrowserPool(
                                BrowserSettings.debianChromium(1), "dealfinder-test", null)) {
            market.catalogue().publish(ListingDraft.of("Lampe i messing", 300));
            market.faults().scriptRenderedSearch(true);
            URI page = URI.create(market.baseUrl() + "/recommerce/forsale/search?q=lampe");

            String first = pool.render(page, RecommerceAdapter.SEARCH_CARD_SELECTOR);
            String second = pool.render(page, RecommerceAdapter.SEARCH_CARD_SELECTOR);

            assertThat(first).contains("sf-search-ad", "Lampe i messing");
            assertThat(second).contains("Lampe i messing");
            assertThat(pool.started()).as("one browser, reused").isEqualTo(1);
            assertThat(market.servedRequests())
                    .filteredOn(r -> r.path().startsWith("/recommerce/forsale/search"))
                    .allMatch(r -> r.userAgent().equals("dealfinder-test"));
            assertThat(market.servedRequests())
                    .extracting(ServedRequest::path)
                    .noneMatch(p -> p.startsWith("/images/"));
        }
    }

    @Test
    void theReaderFallsBackToTheBrowserWhenTheHtmlHoldsNoListings() throws Exception {
        try (LocalMarketplace market =
                LocalMarketplace.start(
                        MarketplaceOptions.empty().withSearchApiPaths(false, false))) {
            market.catalogue().publish(ListingDraft.of("Lampe i messing", 300));
            market.faults().scriptRenderedSearch(true);
            var adapter = new RecommerceAdapter("dba.dk", market.baseUrl().toString(), "DKK");
            var settings =
                    new ScraperSettings(
                                    Duration.ofSeconds(30),
                                    Duration.ofSeconds(5),
                                    1,
                                    "dealfinder-test")
                            .withPoliteness(FetchPolicy.polite().withRate(1000, false))
                            .withItemPages(false)
                            .withBrowser(BrowserSettings.debianChromium(1));
            var reader =
                    new SearchSplitReader(
                            Map.of("dba.dk", adapter),
                            settings,
                            DeadLetterOutput.LOG_ONLY,
                            new UnregisteredMetricsGroup(),
                            Clock.systemUTC());
            try {
                reader.handleSplitsChanges(
                        new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "lampe"))));

                assertThat(titles(reader.fetch())).containsExactly("Lampe i messing");
            } finally {
                reader.close();
            }
        }
    }

    private static List<String> titles(RecordsWithSplitIds<RawListing> records) {
        List<String> titles = new ArrayList<>();
        while (records.nextSplit() != null) {
            for (RawListing l = records.nextRecordFromSplit();
                    l != null;
                    l = records.nextRecordFromSplit()) {
                titles.add(l.title());
            }
        }
        return titles;
    }
}
