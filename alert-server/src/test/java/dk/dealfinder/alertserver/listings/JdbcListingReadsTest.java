package dk.dealfinder.alertserver.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.listings.ListingSearch.Sort;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Listing reads against the shared real PostgreSQL: filters, paging, detail and who sees what. */
class JdbcListingReadsTest {

    private static final Instant NOW = Instant.now();

    private final JdbcListingReads reads = new JdbcListingReads(TestBackends.jdbc());
    private final ListingRows rows = new ListingRows();

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private ListingSearch search(String text) {
        return ListingSearch.firstPage(text == null ? rows.tag : text + " " + rows.tag);
    }

    private static ListingSearch with(ListingSearch s, Long min, Long max, String site) {
        return new ListingSearch(
                s.text(),
                min,
                max,
                site,
                s.queryId(),
                s.verdict(),
                s.minScore(),
                s.sort(),
                s.page(),
                s.pageSize());
    }

    private static ListingSearch matching(
            ListingSearch s, String queryId, String verdict, Double minScore) {
        return new ListingSearch(
                s.text(),
                s.minPrice(),
                s.maxPrice(),
                s.site(),
                queryId,
                verdict,
                minScore,
                s.sort(),
                s.page(),
                s.pageSize());
    }

    private static ListingSearch paged(ListingSearch s, Sort sort, int page, int pageSize) {
        return new ListingSearch(
                s.text(),
                s.minPrice(),
                s.maxPrice(),
                s.site(),
                s.queryId(),
                s.verdict(),
                s.minScore(),
                sort,
                page,
                pageSize);
    }

    private static List<String> keys(Page<ListingSummary> page) {
        return page.items().stream().map(ListingSummary::listingKey).toList();
    }

    private static List<String> keys(List<ListingSummary> items) {
        return items.stream().map(ListingSummary::listingKey).toList();
    }

    /** A query of the operator's config file: no owner, so every user sees its matches. */
    private static String sharedQuery() {
        SavedQuery q =
                new SavedQuery(
                        "shared-" + UUID.randomUUID(),
                        "Delt søgning",
                        "cykel",
                        "dba.dk",
                        null,
                        null,
                        List.of(),
                        List.of(),
                        50,
                        true);
        TestBackends.jdbc().update(JdbcSavedQueryStore.UPSERT, s -> JdbcSavedQueryStore.bind(s, q));
        return q.id();
    }

    @Test
    void textMustMatchEveryWordInTitleOrDescriptionIgnoringCase() {
        String a =
                rows.listing(
                        "1",
                        "dba.dk",
                        "Racercykel Trek",
                        "carbon stel",
                        4000L,
                        daysAgo(1),
                        List.of(),
                        null);
        String b = rows.listing("2", "Racercykel Cannondale", 5000L, daysAgo(2));
        rows.listing("3", "Børnecykel", 500L, daysAgo(3));
        String user = TestBackends.newUser("text").user().id();

        assertThat(keys(reads.search(user, search("racercykel")))).containsExactly(a, b);
        assertThat(keys(reads.search(user, search("RACERCYKEL Carbon")))).containsExactly(a);
        assertThat(keys(reads.search(user, search("cykel")))).hasSize(3);
        // % and _ are literal characters, not wildcards.
        assertThat(reads.search(user, search("%")).items()).isEmpty();
        assertThat(reads.search(user, search("_")).items()).isEmpty();
        assertThat(reads.search(user, search("  ")).total()).isEqualTo(3);
        // Words after the tenth are ignored, not an error (the API refuses them with a 400).
        String elevenWords = rows.tag + " cykel".repeat(9) + " nowhere";
        assertThat(reads.search(user, ListingSearch.firstPage(elevenWords)).total()).isEqualTo(3);
    }

    @Test
    void filtersByPriceRangeAndSite() {
        String cheap = rows.listing("1", "Cykel billig", 800L, daysAgo(1));
        String mid = rows.listing("2", "Cykel mellem", 2000L, daysAgo(2));
        rows.listing("3", "Cykel dyr", 9000L, daysAgo(3));
        rows.listing("4", "Cykel uden pris", null, daysAgo(4));
        String other =
                rows.listing(
                        "5",
                        "guloggratis.dk",
                        "Cykel fra GG",
                        "",
                        1500L,
                        daysAgo(5),
                        List.of(),
                        null);
        String user = TestBackends.newUser("price").user().id();

        assertThat(keys(reads.search(user, with(search(null), 500L, 2500L, null))))
                .containsExactly(cheap, mid, other);
        assertThat(keys(reads.search(user, with(search(null), null, 1000L, null))))
                .containsExactly(cheap);
        assertThat(keys(reads.search(user, with(search(null), 1000L, null, "guloggratis.dk"))))
                .containsExactly(other);
    }

    @Test
    void pagesCarryTheTotalAndSortsOrderEveryPage() {
        String user = TestBackends.newUser("paging").user().id();
        List<String> byAge = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            // Newest first is 1..5; prices rise with age so the price sorts reverse it.
            byAge.add(rows.listing(String.valueOf(i), "Cykel " + i, 100L * i, daysAgo(i)));
        }
        String unpriced = rows.listing("6", "Cykel gratis?", null, daysAgo(6));

        Page<ListingSummary> first = reads.search(user, paged(search(null), Sort.NEWEST, 1, 2));
        Page<ListingSummary> third = reads.search(user, paged(search(null), Sort.NEWEST, 3, 2));
        Page<ListingSummary> beyond = reads.search(user, paged(search(null), Sort.NEWEST, 9, 2));
        assertThat(keys(first)).containsExactly(byAge.get(0), byAge.get(1));
        assertThat(keys(third)).containsExactly(byAge.get(4), unpriced);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(6);

        assertThat(keys(reads.search(user, paged(search(null), Sort.PRICE_ASC, 1, 10))))
                .containsExactly(
                        byAge.get(0),
                        byAge.get(1),
                        byAge.get(2),
                        byAge.get(3),
                        byAge.get(4),
                        unpriced);
        assertThat(keys(reads.search(user, paged(search(null), Sort.PRICE_DESC, 1, 10))))
                .containsExactly(
                        byAge.get(4),
                        byAge.get(3),
                        byAge.get(2),
                        byAge.get(1),
                        byAge.get(0),
                        unpriced);
    }

    @Test
    void matchFiltersAndScoreSortUseTheNewestScoredVersionOfTheCallersQueries() {
        TestUser owner = TestBackends.newUser("scores");
        String bikes = TestBackends.ownedQuery(owner, "cykel").id();
        String frames = TestBackends.ownedQuery(owner, "stel").id();
        String good = rows.listing("1", "Cykel god", 1000L, daysAgo(1));
        String repriced = rows.listing("2", "Cykel ny pris", 1000L, daysAgo(2));
        String accessory = rows.listing("3", "Cykel lygte", 100L, daysAgo(3));
        String unmatched = rows.listing("4", "Cykel ukendt", 100L, daysAgo(4));
        ListingRows.match(bikes, good, 1, "RELEVANT", 70, "god pris");
        ListingRows.match(frames, good, 1, "RELEVANT", 85, "sjældent stel");
        ListingRows.match(bikes, repriced, 1, "RELEVANT", 90, "var billig");
        ListingRows.match(bikes, repriced, 2, "RELEVANT", 40, "prisen steg");
        ListingRows.match(bikes, accessory, 1, "ACCESSORY", 0, "tilbehør");
        String user = owner.user().id();

        Page<ListingSummary> byScore = reads.search(user, paged(search(null), Sort.SCORE, 1, 10));
        assertThat(keys(byScore)).containsExactly(good, repriced, accessory, unmatched);
        assertThat(byScore.items().get(0).dealScore()).isEqualTo(85.0);
        assertThat(byScore.items().get(1).dealScore()).isEqualTo(40.0);
        assertThat(byScore.items().get(3).dealScore()).isNull();
        assertThat(byScore.items().get(3).verdict()).isNull();

        assertThat(keys(reads.search(user, matching(search(null), null, "RELEVANT", null))))
                .containsExactly(good, repriced);
        assertThat(keys(reads.search(user, matching(search(null), null, null, 50.0))))
                .containsExactly(good);
        Page<ListingSummary> ofBikes =
                reads.search(user, matching(search(null), bikes, null, null));
        assertThat(keys(ofBikes)).containsExactly(good, repriced, accessory);
        assertThat(ofBikes.total()).isEqualTo(3);
        // Within one query's matches, the card shows that query's score.
        assertThat(ofBikes.items().get(0).dealScore()).isEqualTo(70.0);
    }

    @Test
    void detailHasPriceHistoryAndEveryVisibleQuerysExplanation() {
        TestUser owner = TestBackends.newUser("detail");
        String bikes = TestBackends.ownedQuery(owner, "racercykel").id();
        String shared = sharedQuery();
        String key =
                rows.listing(
                        "1",
                        "dba.dk",
                        "Racercykel",
                        "Shimano 105, nye dæk",
                        3500L,
                        daysAgo(40),
                        List.of("https://img/1.jpg", "https://img/2.jpg"),
                        null);
        ListingRows.pricePoint(key, 1, 4000L, "NEW", daysAgo(40));
        ListingRows.pricePoint(key, 2, 3500L, "PRICE_DROP", daysAgo(39));
        ListingRows.match(bikes, key, 1, "RELEVANT", 60, "under markedsprisen");
        ListingRows.match(bikes, key, 2, "RELEVANT", 75, "12% under median 4.000 kr.");
        ListingRows.match(shared, key, 1, "RELEVANT", 55, "delt forklaring");

        ListingDetail detail = reads.detail(owner.user().id(), key).orElseThrow();

        assertThat(detail.summary().title()).isEqualTo("Racercykel " + rows.tag);
        assertThat(detail.summary().thumbnailUrl()).isEqualTo("https://img/1.jpg");
        assertThat(detail.summary().dealScore()).isEqualTo(75.0);
        assertThat(detail.summary().removed()).isFalse();
        assertThat(detail.description()).isEqualTo("Shimano 105, nye dæk");
        assertThat(detail.imageUrls()).containsExactly("https://img/1.jpg", "https://img/2.jpg");
        assertThat(detail.url()).isEqualTo("https://www.dba.dk/1");
        assertThat(detail.priceHistory())
                .extracting(ListingDetail.PricePoint::price, ListingDetail.PricePoint::changeKind)
                .containsExactly(tuple(4000L, "NEW"), tuple(3500L, "PRICE_DROP"));
        assertThat(detail.matches())
                .extracting(
                        ListingDetail.MatchView::queryId,
                        ListingDetail.MatchView::listingVersion,
                        ListingDetail.MatchView::explanation)
                .containsExactly(
                        tuple(bikes, 2, "12% under median 4.000 kr."),
                        tuple(shared, 1, "delt forklaring"));
        ListingDetail.MatchView best = detail.matches().get(0);
        assertThat(best.queryName()).isEqualTo("racercykel");
        assertThat(best.priceScore()).isEqualTo(0.7);
        assertThat(best.modelId()).isEqualTo("local-knn-test");
        assertThat(detail.favourite()).isFalse();

        assertThat(reads.detail(owner.user().id(), rows.key("missing"))).isEmpty();
    }

    @Test
    void anotherUserSeesTheListingButNeitherScoresNorAlertsNorStarsOfTheOwner() {
        TestUser a = TestBackends.newUser("alice");
        TestUser b = TestBackends.newUser("bob");
        String query = TestBackends.ownedQuery(a, "cykel").id();
        String shared = sharedQuery();
        String key = rows.listing("1", "Cykel", 1000L, daysAgo(1));
        String old = rows.listing("2", "Cykel gammel", 1000L, daysAgo(60));
        ListingRows.match(query, key, 1, "RELEVANT", 90, "alices forklaring");
        ListingRows.match(shared, old, 1, "RELEVANT", 45, "for alle");
        String alertId = ListingRows.alert(query, key, "Cykel", 90, NOW);
        assertThat(reads.favourite(a.user().id(), key, true)).isTrue();
        String bob = b.user().id();
        long bobsAlertsBefore = reads.alerts(bob, 1, 1).total();

        ListingSummary seenByBob = reads.search(bob, search(null)).items().get(0);
        assertThat(seenByBob.listingKey()).isEqualTo(key);
        assertThat(seenByBob.dealScore()).isNull();
        assertThat(reads.search(bob, matching(search(null), query, null, null)).items()).isEmpty();
        ListingDetail detail = reads.detail(bob, key).orElseThrow();
        assertThat(detail.matches()).isEmpty();
        assertThat(detail.favourite()).isFalse();
        assertThat(keys(reads.topDeals(bob, 7, 100))).doesNotContain(key);
        assertThat(reads.alerts(bob, 1, 100).items())
                .extracting(AlertView::alertId)
                .doesNotContain(alertId);
        assertThat(reads.alerts(bob, 1, 1).total()).isEqualTo(bobsAlertsBefore);
        assertThat(reads.favourites(bob)).isEmpty();
        assertThat(reads.unfavourite(bob, key)).isFalse();

        // The shared query's match is everyone's.
        for (String user : List.of(a.user().id(), bob)) {
            assertThat(reads.detail(user, old).orElseThrow().matches())
                    .extracting(ListingDetail.MatchView::explanation)
                    .containsExactly("for alle");
        }
        // Alice sees her own.
        assertThat(reads.detail(a.user().id(), key).orElseThrow().notifyOnPriceDrop()).isTrue();
        assertThat(keys(reads.topDeals(a.user().id(), 7, 100))).contains(key);
        assertThat(reads.alerts(a.user().id(), 1, 100).items())
                .extracting(AlertView::alertId)
                .contains(alertId);
    }

    @Test
    void topDealsAreRecentLiveRelevantMatchesBestFirst() {
        TestUser owner = TestBackends.newUser("deals");
        String query = TestBackends.ownedQuery(owner, "cykel").id();
        String best = rows.listing("1", "Cykel bedst", 1000L, daysAgo(2));
        String second = rows.listing("2", "Cykel næstbedst", 1000L, daysAgo(1));
        String old = rows.listing("3", "Cykel gammel", 1000L, daysAgo(20));
        String removed =
                rows.listing(
                        "4", "dba.dk", "Cykel solgt", "", 1000L, daysAgo(1), List.of(), daysAgo(0));
        String accessory = rows.listing("5", "Cykel lygte", 100L, daysAgo(1));
        ListingRows.match(query, best, 1, "RELEVANT", 92, "x");
        ListingRows.match(query, second, 1, "RELEVANT", 80, "x");
        ListingRows.match(query, old, 1, "RELEVANT", 99, "x");
        ListingRows.match(query, removed, 1, "RELEVANT", 99, "x");
        ListingRows.match(query, accessory, 1, "ACCESSORY", 10, "x");
        String user = owner.user().id();

        List<String> week = keys(reads.topDeals(user, 7, 100));
        assertThat(week).containsSubsequence(best, second).doesNotContain(old, removed, accessory);
        assertThat(keys(reads.topDeals(user, 30, 100))).containsSubsequence(old, best, second);
        assertThat(reads.topDeals(user, 30, 1)).hasSize(1);
    }

    @Test
    void alertHistoryIsNewestFirstAndPaged() {
        TestUser owner = TestBackends.newUser("history");
        String query = TestBackends.ownedQuery(owner, "cykel").id();
        String user = owner.user().id();
        long before = reads.alerts(user, 1, 1).total();
        String key = rows.listing("1", "<img src=x onerror=alert(1)>", 1500L, daysAgo(1));
        String older = ListingRows.alert(query, key, "ældre", 60, NOW.minusSeconds(60));
        String newer = ListingRows.alert(query, key, "<img src=x onerror=alert(1)>", 70, NOW);

        Page<AlertView> all = reads.alerts(user, 1, 100);
        assertThat(all.total()).isEqualTo(before + 2);
        List<AlertView> mine = all.items().stream().filter(a -> a.queryId().equals(query)).toList();
        assertThat(mine).extracting(AlertView::alertId).containsExactly(newer, older);
        AlertView first = mine.get(0);
        assertThat(first.title()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(first.queryName()).isEqualTo("cykel");
        assertThat(first.listingKey()).isEqualTo(key);
        assertThat(first.price()).isEqualTo(1500L);
        assertThat(first.createdAt()).isEqualTo(NOW.toEpochMilli());

        Page<AlertView> one = reads.alerts(user, 2, 1);
        assertThat(one.items()).hasSize(1);
        assertThat(one.items().get(0).alertId())
                .isNotEqualTo(reads.alerts(user, 1, 1).items().get(0).alertId());
        assertThatThrownBy(() -> reads.alerts(user, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void favouritesAreAddedUpdatedAndRemoved() {
        String user = TestBackends.newUser("stars").user().id();
        String first = rows.listing("1", "Cykel", 1000L, daysAgo(1));
        String second = rows.listing("2", "Hjelm", 200L, daysAgo(2));

        assertThat(reads.favourite(user, first, false)).isTrue();
        assertThat(reads.favourite(user, second, true)).isTrue();
        assertThat(keys(reads.favourites(user))).containsExactlyInAnyOrder(first, second);
        assertThat(reads.detail(user, second).orElseThrow().notifyOnPriceDrop()).isTrue();

        assertThat(reads.favourite(user, second, false)).isTrue();
        ListingDetail updated = reads.detail(user, second).orElseThrow();
        assertThat(updated.favourite()).isTrue();
        assertThat(updated.notifyOnPriceDrop()).isFalse();

        assertThat(reads.unfavourite(user, first)).isTrue();
        assertThat(reads.unfavourite(user, first)).isFalse();
        assertThat(keys(reads.favourites(user))).containsExactly(second);
        assertThat(reads.favourite(user, rows.key("missing"), true)).isFalse();
    }
}
