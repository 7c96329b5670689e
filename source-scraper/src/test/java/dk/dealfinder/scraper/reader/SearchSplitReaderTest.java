package dk.dealfinder.scraper.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** Polls the real LocalMarketplace over HTTP. */
class SearchSplitReaderTest {

    private static final Duration POLL = Duration.ofSeconds(30);

    /** A clock the test moves forward, so every fetch finds its feed due without waiting. */
    private static final class SteppingClock extends Clock {
        private long millis = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

        @Override
        public long millis() {
            return millis;
        }

        void skipPastPollInterval() {
            millis += POLL.toMillis() * 2;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static SearchSplitReader reader(
            LocalMarketplace market, SteppingClock clock, int maxPages) {
        var adapter = new RecommerceAdapter("dba.dk", market.baseUrl().toString(), "DKK");
        var settings =
                new ScraperSettings(POLL, Duration.ofSeconds(5), maxPages, "dealfinder-test");
        var reader =
                new SearchSplitReader(
                        Map.of("dba.dk", adapter), settings, new UnregisteredMetricsGroup(), clock);
        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "iPhone"))));
        return reader;
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

    @Test
    void emitsNewListingsOldestFirstAndAQuietPollCostsOneRequest() throws Exception {
        try (var market = LocalMarketplace.start(MarketplaceOptions.empty())) {
            market.catalogue().publish(ListingDraft.of("iPhone 12 64GB", 1500));
            market.clock().advance(Duration.ofSeconds(1));
            market.catalogue().publish(ListingDraft.of("iPhone 13 128GB", 2500));
            SteppingClock clock = new SteppingClock();
            SearchSplitReader reader = reader(market, clock, 3);

            assertThat(titles(reader.fetch())).containsExactly("iPhone 12 64GB", "iPhone 13 128GB");

            long before = market.requestCount();
            clock.skipPastPollInterval();
            assertThat(titles(reader.fetch())).isEmpty();
            assertThat(market.requestCount() - before).isEqualTo(1);

            market.clock().advance(Duration.ofSeconds(1));
            market.catalogue().publish(ListingDraft.of("iPhone 14 Pro", 5000));
            clock.skipPastPollInterval();
            assertThat(titles(reader.fetch())).containsExactly("iPhone 14 Pro");
        }
    }

    @Test
    void pagesUntilItReachesKnownListings() throws Exception {
        try (var market = LocalMarketplace.start(MarketplaceOptions.empty())) {
            for (int i = 0; i < 130; i++) {
                market.clock().advance(Duration.ofSeconds(1));
                market.catalogue().publish(ListingDraft.of("iPhone nr " + i, 1000 + i));
            }
            SteppingClock clock = new SteppingClock();
            SearchSplitReader reader = reader(market, clock, 5);

            assertThat(titles(reader.fetch()))
                    .hasSize(130)
                    .startsWith("iPhone nr 0")
                    .endsWith("iPhone nr 129");
        }
    }

    @Test
    void findsTheLegacySearchPathWhenThePrimaryIsGone() throws Exception {
        try (var market =
                LocalMarketplace.start(
                        MarketplaceOptions.empty().withSearchApiPaths(false, true))) {
            market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
            SteppingClock clock = new SteppingClock();
            SearchSplitReader reader = reader(market, clock, 1);

            assertThat(titles(reader.fetch())).containsExactly("iPhone 13");
            long before = market.requestCount();
            clock.skipPastPollInterval();
            reader.fetch();
            assertThat(market.requestCount() - before)
                    .as("remembers the working path")
                    .isEqualTo(1);
        }
    }

    @Test
    void anUnreachableSiteYieldsNothingAndTheReaderKeepsGoing() throws Exception {
        var adapter = new RecommerceAdapter("dba.dk", "http://127.0.0.1:1", "DKK");
        var settings = new ScraperSettings(POLL, Duration.ofSeconds(2), 1, "dealfinder-test");
        SteppingClock clock = new SteppingClock();
        var reader =
                new SearchSplitReader(
                        Map.of("dba.dk", adapter), settings, new UnregisteredMetricsGroup(), clock);
        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "x"))));

        assertThat(titles(reader.fetch())).isEmpty();
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).isEmpty();
    }
}
