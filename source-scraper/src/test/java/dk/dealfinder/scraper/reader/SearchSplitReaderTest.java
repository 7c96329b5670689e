package dk.dealfinder.scraper.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceFaults.Target;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.SellerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsRemoval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polls the real LocalMarketplace over HTTP. */
class SearchSplitReaderTest {

    private static final Duration POLL = Duration.ofSeconds(30);

    /** Fast but otherwise real politeness: tests must not wait out a 1 request/s limit. */
    static final FetchPolicy FAST =
            FetchPolicy.polite()
                    .withRate(1000, false)
                    .withRetries(2, Duration.ofMillis(5), Duration.ofSeconds(5));

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
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final SteppingClock clock = new SteppingClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private LocalMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private LocalMarketplace market(MarketplaceOptions options) {
        market = LocalMarketplace.start(options);
        return market;
    }

    private SearchSplitReader reader(int maxPages, boolean itemPages) {
        return reader(
                new ScraperSettings(POLL, Duration.ofSeconds(5), maxPages, "dealfinder-test")
                        .withPoliteness(FAST)
                        .withItemPages(itemPages));
    }

    private SearchSplitReader reader(ScraperSettings settings) {
        var adapter = new RecommerceAdapter("dba.dk", market.baseUrl().toString(), "DKK");
        var reader =
                new SearchSplitReader(
                        Map.of("dba.dk", adapter), settings, deadLetters::add, metrics, clock);
        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "iPhone"))));
        return reader;
    }

    private static List<RawListing> listings(RecordsWithSplitIds<RawListing> records) {
        List<RawListing> out = new ArrayList<>();
        while (records.nextSplit() != null) {
            for (RawListing l = records.nextRecordFromSplit();
                    l != null;
                    l = records.nextRecordFromSplit()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> titles(RecordsWithSplitIds<RawListing> records) {
        return listings(records).stream().map(RawListing::title).toList();
    }

    @Test
    void emitsNewListingsOldestFirstAndAQuietPollCostsOneRequest() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 12 64GB", 1500));
        market.clock().advance(Duration.ofSeconds(1));
        market.catalogue().publish(ListingDraft.of("iPhone 13 128GB", 2500));
        SearchSplitReader reader = reader(3, false);

        List<RawListing> found = listings(reader.fetch());
        assertThat(found)
                .extracting(RawListing::title)
                .containsExactly("iPhone 12 64GB", "iPhone 13 128GB");
        assertThat(found)
                .as("the search API's flags say who sells")
                .extracting(RawListing::sellerType)
                .containsOnly(dk.dealfinder.core.model.SellerType.PRIVATE);

        long before = market.requestCount();
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).isEmpty();
        assertThat(market.requestCount() - before).isEqualTo(1);

        market.clock().advance(Duration.ofSeconds(1));
        market.catalogue().publish(ListingDraft.of("iPhone 14 Pro", 5000));
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).containsExactly("iPhone 14 Pro");
    }

    @Test
    void pagesUntilItReachesKnownListings() throws Exception {
        market(MarketplaceOptions.empty());
        for (int i = 0; i < 130; i++) {
            market.clock().advance(Duration.ofSeconds(1));
            market.catalogue().publish(ListingDraft.of("iPhone nr " + i, 1000 + i));
        }
        SearchSplitReader reader = reader(5, false);

        assertThat(titles(reader.fetch()))
                .hasSize(130)
                .startsWith("iPhone nr 0")
                .endsWith("iPhone nr 129");
    }

    @Test
    void aSweepSeesAPriceDropOnAnOlderPageThatOrdinaryPollsStopBefore() throws Exception {
        market(MarketplaceOptions.empty());
        long oldest = market.catalogue().publish(ListingDraft.of("iPhone nr 0", 1000));
        for (int i = 1; i < 130; i++) {
            market.clock().advance(Duration.ofSeconds(1));
            market.catalogue().publish(ListingDraft.of("iPhone nr " + i, 1000 + i));
        }
        SearchSplitReader reader =
                reader(
                        new ScraperSettings(POLL, Duration.ofSeconds(5), 3, "dealfinder-test")
                                .withPoliteness(FAST)
                                .withItemPages(false)
                                .withSweep(3, 5, 0));
        assertThat(titles(reader.fetch())).hasSize(130);

        market.catalogue().changePrice(oldest, 800);
        clock.skipPastPollInterval();
        long before = market.requestCount();
        assertThat(titles(reader.fetch())).as("an ordinary poll stops at page 1").isEmpty();
        assertThat(market.requestCount() - before).isEqualTo(1);

        clock.skipPastPollInterval();
        List<RawListing> swept = listings(reader.fetch());
        assertThat(swept).extracting(RawListing::title).containsExactly("iPhone nr 0");
        assertThat(swept.get(0).priceText()).contains("800");
        assertThat(metrics.count("feedSweeps")).isEqualTo(1);
    }

    @Test
    void completesNewListingsFromTheirItemPagesAFewAtATime() throws Exception {
        market(MarketplaceOptions.empty());
        for (int i = 0; i < 7; i++) {
            market.clock().advance(Duration.ofSeconds(1));
            market.catalogue()
                    .publish(
                            ListingDraft.of("iPhone nr " + i, 1000 + i)
                                    .withDescription("Beskrivelse " + i + " med æøå")
                                    .withPostcode("8000")
                                    .withCategory("Mobiltelefoner")
                                    .withSellerType(SellerType.DEALER));
        }
        SearchSplitReader reader = reader(1, true);

        List<RawListing> first = listings(reader.fetch());
        List<RawListing> second = listings(reader.fetch());

        assertThat(first).hasSize(SearchSplitReader.ITEM_PAGES_PER_FETCH);
        assertThat(second).hasSize(2);
        RawListing oldest = first.get(0);
        assertThat(oldest.title()).isEqualTo("iPhone nr 0");
        assertThat(oldest.description()).isEqualTo("Beskrivelse 0 med æøå");
        assertThat(oldest.location()).isEqualTo("8000 Aarhus C");
        assertThat(oldest.sellerType()).isEqualTo(dk.dealfinder.core.model.SellerType.DEALER);
        assertThat(oldest.category()).isEqualTo("Mobiltelefoner");
        assertThat(oldest.imageUrls()).isNotEmpty().allMatch(u -> u.contains("/images/"));
        assertThat(metrics.count("itemPagesFetched")).isEqualTo(7);
    }

    @Test
    void itemPagesAddConditionAndCoordinates() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue()
                .publish(
                        ListingDraft.of("iPhone 13", 2500)
                                .withPostcode("8000")
                                .withCondition("Brugt - god stand"));
        SearchSplitReader reader = reader(1, true);

        RawListing found = listings(reader.fetch()).get(0);

        assertThat(found.condition()).isEqualTo("Brugt - god stand");
        assertThat(found.latitude()).isBetween(56.0, 56.3);
        assertThat(found.longitude()).isBetween(10.0, 10.3);
    }

    private SearchSplitReader sweepingReader() {
        return reader(
                new ScraperSettings(POLL, Duration.ofSeconds(5), 1, "dealfinder-test")
                        .withPoliteness(FAST)
                        .withSweep(2, 3, 10));
    }

    @Test
    void aTakenDownAdIsReportedGoneAfterASweepAndComesBackWhenRelisted() throws Exception {
        market(MarketplaceOptions.empty());
        long removed = market.catalogue().publish(ListingDraft.of("iPhone 12", 2000));
        market.clock().advance(Duration.ofSeconds(1));
        market.catalogue().publish(ListingDraft.of("iPhone 13", 3000));
        SearchSplitReader reader = sweepingReader();
        assertThat(titles(reader.fetch())).containsExactly("iPhone 12", "iPhone 13");

        market.catalogue().remove(removed);
        clock.skipPastPollInterval();
        long before = market.requestCount();
        List<RawListing> swept = listings(reader.fetch());

        assertThat(swept)
                .singleElement()
                .satisfies(
                        gone -> {
                            assertThat(gone.reportsGone()).isTrue();
                            assertThat(gone.goneReason()).isEqualTo("inactive");
                            assertThat(gone.adId()).isEqualTo(Long.toString(removed));
                        });
        assertThat(market.requestCount() - before)
                .as("one search page, then one item page: only the ad the sweep did not show")
                .isEqualTo(2);
        assertThat(metrics.count("goneChecks")).isEqualTo(1);
        assertThat(metrics.count("listingsGone")).isEqualTo(1);

        clock.skipPastPollInterval();
        assertThat(listings(reader.fetch())).as("reported once").isEmpty();

        market.catalogue().relist(removed);
        clock.skipPastPollInterval();
        List<RawListing> back = listings(reader.fetch());
        assertThat(back)
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.reportsGone()).isFalse();
                            assertThat(l.title()).isEqualTo("iPhone 12");
                        });
    }

    @Test
    void aLiveAdTheSweepDidNotShowIsCheckedButNotReported() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 12", 2000));
        SearchSplitReader reader = sweepingReader();
        assertThat(titles(reader.fetch())).containsExactly("iPhone 12");

        // The feed now searches for something else: the iPhone is live but no longer shown.
        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "Samsung"))));
        clock.skipPastPollInterval();
        assertThat(listings(reader.fetch())).isEmpty();
        assertThat(metrics.count("goneChecks")).isEqualTo(1);
        assertThat(metrics.count("listingsGone")).isZero();
    }

    @Test
    void aSweepWhoseSearchCannotBeReadChecksNothing() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 12", 2000));
        SearchSplitReader reader = sweepingReader();
        assertThat(titles(reader.fetch())).containsExactly("iPhone 12");

        market.faults().layoutChanged(true);
        clock.skipPastPollInterval();
        assertThat(listings(reader.fetch())).isEmpty();
        assertThat(metrics.count("goneChecks")).isZero();
    }

    @Test
    void aNewListingWhoseItemPageIsDeletedIsReportedGoneOnceNotOnEveryPoll() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 13", 3000));
        market.faults().gone(Target.ITEM_PAGE, 1, 410);
        SearchSplitReader reader = reader(1, true);

        assertThat(listings(reader.fetch()))
                .singleElement()
                .satisfies(gone -> assertThat(gone.goneReason()).isEqualTo("410"));

        clock.skipPastPollInterval();
        long before = market.requestCount();
        assertThat(listings(reader.fetch())).isEmpty();
        assertThat(market.requestCount() - before)
                .as("the search still shows it, but its item page is not asked again")
                .isEqualTo(1);
    }

    @Test
    void aListingWhosePriceChangedIsEmittedAgainAndAnUnchangedOneIsNot() throws Exception {
        market(MarketplaceOptions.empty());
        long id = market.catalogue().publish(ListingDraft.of("iPhone 13", 3000));
        market.catalogue().publish(ListingDraft.of("iPhone 12", 2000));
        SearchSplitReader reader = reader(1, false);
        assertThat(titles(reader.fetch())).hasSize(2);

        market.catalogue().changePrice(id, 2500);
        clock.skipPastPollInterval();
        List<RawListing> again = listings(reader.fetch());

        assertThat(again).extracting(RawListing::adId).containsExactly(Long.toString(id));
        assertThat(again.get(0).priceText()).isEqualTo("2500");
    }

    @Test
    void fallsBackToTheHtmlSearchPageWhenTheApiFails() throws Exception {
        market(MarketplaceOptions.empty().withSearchApiPaths(false, false));
        market.catalogue().publish(ListingDraft.of("iPhone 13 <b>fed</b> & god", 2500));
        SearchSplitReader reader = reader(1, false);

        List<RawListing> found = listings(reader.fetch());

        assertThat(found)
                .extracting(RawListing::title)
                .containsExactly("iPhone 13 <b>fed</b> & god");
        assertThat(found.get(0).priceText()).isEqualTo("2.500 kr.");
        assertThat(found.get(0).publishedText()).matches("\\d{13}");
        assertThat(metrics.count("searchHtmlFallbacks")).isEqualTo(1);
    }

    @Test
    void malformedAndTruncatedApiRepliesAreDeadLetteredAndTheHtmlPageIsUsed() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
        market.faults().truncate(Target.SEARCH_API, 1);
        SearchSplitReader reader = reader(1, false);

        assertThat(titles(reader.fetch())).containsExactly("iPhone 13");

        assertThat(metrics.count("pagesMalformed")).isEqualTo(1);
        assertThat(deadLetters).hasSize(1);
        DeadLetter letter = deadLetters.get(0);
        assertThat(letter.stage()).isEqualTo("scrape");
        assertThat(letter.source()).contains("/api/search/").contains("q=iPhone");
        assertThat(letter.reason()).startsWith("HTTP 200: search reply is not JSON");
        assertThat(letter.snippet()).startsWith("{\"docs\":[");
    }

    @Test
    void aRedesignRaisesTheLayoutAlarmOnceInsteadOfLookingLikeAQuietFeed() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
        market.faults().layoutChanged(true);
        SearchSplitReader reader = reader(1, false);

        assertThat(titles(reader.fetch())).isEmpty();
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).isEmpty();

        assertThat(metrics.count("layoutChangeAlarms")).isEqualTo(2);
        assertThat(metrics.gaugeValue("sitesWithLayoutAlarm")).isEqualTo(1);
        assertThat(deadLetters)
                .extracting(DeadLetter::reason)
                .contains(
                        "HTTP 200: page has content but no listing could be read (layout change?)");

        market.faults().clear();
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).containsExactly("iPhone 13");
        assertThat(metrics.gaugeValue("sitesWithLayoutAlarm")).isEqualTo(0);
    }

    @Test
    void aGenuinelyEmptySearchIsNoAlarmAndCostsOneRequest() throws Exception {
        market(MarketplaceOptions.empty());
        SearchSplitReader reader = reader(1, false);

        assertThat(titles(reader.fetch())).isEmpty();

        assertThat(metrics.count("layoutChangeAlarms")).isZero();
        assertThat(market.servedRequests())
                .filteredOn(r -> !r.path().equals("/robots.txt"))
                .hasSize(1);
    }

    @Test
    void findsTheLegacySearchPathWhenThePrimaryIsGone() throws Exception {
        market(MarketplaceOptions.empty().withSearchApiPaths(false, true));
        market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
        SearchSplitReader reader = reader(1, false);

        assertThat(titles(reader.fetch())).containsExactly("iPhone 13");
        long before = market.requestCount();
        clock.skipPastPollInterval();
        reader.fetch();
        assertThat(market.requestCount() - before).as("remembers the working path").isEqualTo(1);
    }

    @Test
    void aRetiredFeedIsReportedFinishedAndNoLongerPolled() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
        SearchSplitReader reader = reader(1, false);
        reader.fetch();

        reader.handleSplitsChanges(
                new SplitsRemoval<>(List.of(SearchSplit.fresh("dba.dk", "q", ""))));
        RecordsWithSplitIds<RawListing> records = reader.fetch();

        assertThat(records.finishedSplits()).containsExactly("dba.dk|q");
        long before = market.requestCount();
        clock.skipPastPollInterval();
        reader.wakeUp();
        assertThat(titles(reader.fetch())).isEmpty();
        assertThat(market.requestCount()).isEqualTo(before);
    }

    @Test
    void newTermsTakeEffectAtOnceAndTheCursorIsKept() throws Exception {
        market(MarketplaceOptions.empty());
        market.catalogue().publish(ListingDraft.of("iPhone 13", 2500));
        market.catalogue().publish(ListingDraft.of("iPhone 13 cover", 50));
        SearchSplitReader reader = reader(1, false);
        assertThat(titles(reader.fetch())).hasSize(2);

        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "iPhone 13 cover"))));
        market.catalogue().publish(ListingDraft.of("iPhone 13 cover i læder", 80));

        assertThat(titles(reader.fetch())).containsExactly("iPhone 13 cover i læder");
    }

    @Test
    void anUnreachableSiteYieldsNothingAndTheReaderKeepsGoing() {
        var adapter = new RecommerceAdapter("dba.dk", "http://127.0.0.1:1", "DKK");
        var settings =
                new ScraperSettings(POLL, Duration.ofSeconds(2), 1, "dealfinder-test")
                        .withPoliteness(FAST);
        var reader =
                new SearchSplitReader(
                        Map.of("dba.dk", adapter), settings, deadLetters::add, metrics, clock);
        reader.handleSplitsChanges(
                new SplitsAddition<>(List.of(SearchSplit.fresh("dba.dk", "q", "x"))));

        assertThat(titles(reader.fetch())).isEmpty();
        clock.skipPastPollInterval();
        assertThat(titles(reader.fetch())).isEmpty();
        assertThat(metrics.count("searchFailures")).isPositive();
        assertThat(deadLetters).as("no page, nothing to dead-letter").isEmpty();
    }
}
