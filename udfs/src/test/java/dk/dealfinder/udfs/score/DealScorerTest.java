package dk.dealfinder.udfs.score;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.edited;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static dk.dealfinder.udfs.Listings.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.market.PricedMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealScorerTest {

    private static final long HOUR = 60 * 60 * 1000L;
    private static final DealScorer SCORER = new DealScorer(ScoringPolicy.defaults());

    /** Published at 1000 and seen at 2000: fresh. */
    private static PricedMatch priced(Listing l, Verdict verdict, MarketEstimate market) {
        return new PricedMatch(
                classified(l, query("phone", "iPhone 13", 4000L, List.of()), verdict, 0.8), market);
    }

    private static MarketEstimate market(long n, double median) {
        return new MarketEstimate("phone", n, median, median * 0.8, median * 1.2, 30, 2_000);
    }

    @Test
    void withEnoughComparablesThePriceIsJudgedAgainstTheMarketMedian() {
        ScoredDeal deal =
                SCORER.map(
                        priced(
                                listing("1", "iPhone 13", 2070L),
                                Verdict.RELEVANT,
                                market(48, 3000)));

        assertThat(deal.explanation())
                .startsWith("31 % under the median of 48 comparable listings in 30 days · ");
        assertThat(deal.components().price()).isEqualTo(0.81);
        assertThat(deal.components().relevance()).isEqualTo(0.8);
        assertThat(deal.components().condition()).isEqualTo(0.5);
        assertThat(deal.components().freshness()).isGreaterThan(0.99);
        assertThat(deal.standing()).isEqualTo(PriceStanding.UNDER_MARKET);
        // 0.4·0.8 + 0.4·0.81 + 0.1·~1 + 0.1·0.5, out of 100
        assertThat(deal.score()).isEqualTo(79.4);
    }

    @Test
    void anOverpricedListingIsSaidToBeOverTheMedianAndIsNoDeal() {
        ScoredDeal deal =
                SCORER.map(
                        priced(
                                listing("1", "iPhone 13", 3600L),
                                Verdict.RELEVANT,
                                market(20, 3000)));

        assertThat(deal.explanation())
                .startsWith(
                        "20 % over the median of 20 comparable listings in 30 days, so not a"
                                + " deal · ");
        assertThat(deal.components().price())
                .isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(deal.standing()).isEqualTo(PriceStanding.NOT_UNDER);
        assertThat(deal.digestWorthy()).isFalse();
    }

    @Test
    void aHighScoreOverTheMedianIsNotWorthAnAlert() {
        // Sure, fresh and "som ny": the score clears the threshold of 50 on its own.
        ScoredDeal over =
                SCORER.map(
                        priced(
                                edited(listing("1", "iPhone 13", 3270L), "iPhone 13", "Som ny"),
                                Verdict.RELEVANT,
                                market(48, 3000)));
        ScoredDeal atMedian =
                SCORER.map(
                        priced(
                                listing("2", "iPhone 13", 3000L),
                                Verdict.RELEVANT,
                                market(48, 3000)));

        assertThat(over.score()).isGreaterThanOrEqualTo(50);
        assertThat(over.explanation()).startsWith("9 % over the median of 48 comparable");
        assertThat(over.alertWorthy()).isFalse();
        assertThat(atMedian.score()).isGreaterThanOrEqualTo(50);
        assertThat(atMedian.explanation())
                .startsWith("at the median of 48 comparable listings in 30 days, so not a deal");
        assertThat(atMedian.alertWorthy()).isFalse();
    }

    @Test
    void withoutAnyYardstickThePriceIsUnjudgedAndNoInstantAlertIsDue() {
        PricedMatch noMaxPrice =
                new PricedMatch(
                        classified(
                                listing("1", "iPhone 13", 1000L),
                                query("phone", "iPhone 13", null, List.of()),
                                Verdict.RELEVANT,
                                1.0),
                        market(3, 2000));
        ScoredDeal deal = SCORER.map(noMaxPrice);
        ScoredDeal noPrice =
                SCORER.map(priced(listing("2", "iPhone 13", null), Verdict.RELEVANT, null));

        assertThat(deal.explanation())
                .startsWith("too few comparable listings to judge the price yet (3 of 10) · ");
        assertThat(deal.score()).isGreaterThanOrEqualTo(50);
        assertThat(deal.standing()).isEqualTo(PriceStanding.UNJUDGED);
        assertThat(deal.alertWorthy()).isFalse();
        assertThat(deal.digestWorthy()).isTrue();
        assertThat(noPrice.explanation()).startsWith("no price stated · ");
        assertThat(noPrice.alertWorthy()).isFalse();
    }

    @Test
    void withTooFewComparablesTheQuerysMaxPriceIsTheYardstick() {
        ScoredDeal cheap =
                SCORER.map(
                        priced(listing("1", "iPhone 13", 1000L), Verdict.RELEVANT, market(3, 900)));
        ScoredDeal atMax =
                SCORER.map(
                        priced(listing("1", "iPhone 13", 4000L), Verdict.RELEVANT, market(0, 0)));

        assertThat(cheap.explanation()).startsWith("75 % under your max price of 4.000 kr. · ");
        assertThat(cheap.components().price()).isEqualTo(0.875);
        assertThat(cheap.standing()).isEqualTo(PriceStanding.UNDER_MAX_PRICE);
        assertThat(atMax.components().price()).isEqualTo(0.5);
        assertThat(atMax.explanation())
                .startsWith("at your max price of 4.000 kr., so not a deal · ");
        assertThat(atMax.standing()).isEqualTo(PriceStanding.NOT_UNDER);
        assertThat(cheap.score()).isGreaterThan(atMax.score());
        assertThat(cheap.alertWorthy()).isTrue();
        assertThat(atMax.alertWorthy()).isFalse();
    }

    @Test
    void theStatedConditionCounts() {
        ScoredDeal asNew =
                SCORER.map(
                        priced(
                                edited(
                                        listing("1", "iPhone 13", 2000L),
                                        "iPhone 13",
                                        "Som ny, kvittering haves"),
                                Verdict.RELEVANT,
                                market(0, 0)));
        ScoredDeal worn =
                SCORER.map(
                        priced(
                                edited(listing("1", "iPhone 13", 2000L), "iPhone 13", "Lidt slidt"),
                                Verdict.RELEVANT,
                                market(0, 0)));

        assertThat(asNew.components().condition()).isEqualTo(0.9);
        assertThat(worn.components().condition()).isEqualTo(0.3);
        assertThat(asNew.score()).isGreaterThan(worn.score());
    }

    @Test
    void aFirstSightingLosesFreshnessWithItsDelayAndAChangeIsFresh() {
        Listing late = fetchedAt(listing("1", "iPhone 13", 2000L), 1_000 + 6 * HOUR);

        assertThat(SCORER.map(priced(late, Verdict.RELEVANT, null)).components().freshness())
                .isEqualTo(0.5);
        assertThat(
                        SCORER.map(priced(version(late, 2), Verdict.RELEVANT, null))
                                .components()
                                .freshness())
                .isEqualTo(1.0);
    }

    @Test
    void anythingNotRelevantScoresZero() {
        ScoredDeal s = SCORER.map(priced(listing("1", "Cover", 10L), Verdict.ACCESSORY, null));
        assertThat(s.score()).isZero();
        assertThat(s.alertWorthy()).isFalse();
        assertThat(s.explanation()).startsWith("not a deal: ");
    }

    @Test
    void alertIdIsStableForQueryListingAndVersion() {
        ScoredDeal deal =
                SCORER.map(priced(listing("1", "iPhone 13", 1000L), Verdict.RELEVANT, null));
        Alert a = deal.toAlert(1);
        Alert b = deal.toAlert(2);
        assertThat(a.alertId())
                .isEqualTo(b.alertId())
                .isEqualTo(Alert.idOf("phone", "dba.dk:1", 1));
        assertThat(Alert.idOf("phone", "dba.dk:1", 2)).isNotEqualTo(a.alertId());
    }

    @Test
    void aPolicyWithoutPositiveWeightsIsRefused() {
        assertThatThrownBy(() -> new ScoringPolicy(0, 0, 0, 0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one of the relevance");
    }

    private static SavedQuery near(String postcode, Integer radiusKm) {
        return SavedQuery.fromInput(
                "phone",
                null,
                null,
                "iPhone 13",
                null,
                null,
                4000L,
                null,
                null,
                null,
                null,
                null,
                postcode,
                radiusKm,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Listing withFacts(
            Listing l, SellerType seller, String condition, Double latitude, Double longitude) {
        return new Listing(
                l.listingKey(),
                l.site(),
                l.adId(),
                l.url(),
                l.title(),
                l.description(),
                l.price(),
                l.currency(),
                l.location(),
                l.postcode(),
                l.imageUrls(),
                l.publishedAt(),
                l.fetchedAt(),
                l.version(),
                seller,
                l.category(),
                condition,
                latitude,
                longitude);
    }

    private static ScoredDeal scored(Listing l, SavedQuery q) {
        return SCORER.map(
                new PricedMatch(classified(l, q, Verdict.RELEVANT, 0.8), market(48, 3000)));
    }

    @Test
    void sellerAndDistanceCountOnlyWhereTheyCanBeJudged() {
        Listing unknown = listing("1", "iPhone 13", 2070L);
        ScoredDeal plain = scored(unknown, near(null, null));

        assertThat(plain.components().seller()).isNull();
        assertThat(plain.components().distance()).isNull();
        assertThat(plain.score()).as("the same as with the four parts alone").isEqualTo(79.4);

        ScoredDeal privateSeller =
                scored(withFacts(unknown, SellerType.PRIVATE, null, null, null), near(null, null));
        ScoredDeal dealer =
                scored(withFacts(unknown, SellerType.DEALER, null, null, null), near(null, null));
        assertThat(privateSeller.components().seller()).isEqualTo(1.0);
        assertThat(dealer.components().seller()).isEqualTo(0.3);
        assertThat(privateSeller.score())
                .isGreaterThan(plain.score())
                .isGreaterThan(dealer.score());
        assertThat(dealer.explanation()).contains(" · dealer · ");
    }

    @Test
    void distanceHalvesEveryRadiusFromTheCentreUsingCoordinatesOverThePostcode() {
        // Listing in 2100 København Ø (from its postcode), query centred on 2100: about 0 km.
        Listing inTown = listing("1", "iPhone 13", 2070L);
        assertThat(inTown.postcode()).isEqualTo("2100");
        ScoredDeal here = scored(inTown, near("2100", 20));
        assertThat(here.components().distance()).isGreaterThan(0.95);
        assertThat(here.explanation()).contains(" · 0 km from 2100 · ");

        // The item page's coordinates (Aarhus, ~155 km away) win over the postcode's centre.
        Listing inAarhus = withFacts(inTown, null, null, 56.15, 10.20);
        ScoredDeal far = scored(inAarhus, near("2100", 20));
        assertThat(far.components().distance()).isLessThan(0.01);
        assertThat(far.explanation()).containsPattern(" · 1[45]\\d km from 2100 · ");
        assertThat(far.score()).isLessThan(here.score());

        // Without a radius the policy's half-life (25 km) applies.
        ScoredDeal noRadius = scored(inAarhus, near("2100", null));
        assertThat(noRadius.components().distance())
                .isGreaterThan(far.components().distance())
                .isLessThan(0.05);
        assertThat(scored(inTown, near("0000", 10)).components().distance())
                .as("a centre that cannot be placed is not judged")
                .isNull();
    }

    @Test
    void theSitesConditionFieldIsReadBeforeTheText() {
        Listing l = edited(listing("1", "iPhone 13", 2070L), "iPhone 13", "lidt ridser");
        assertThat(scored(l, near(null, null)).components().condition()).isEqualTo(0.35);
        assertThat(
                        scored(withFacts(l, null, "Ny", null, null), near(null, null))
                                .components()
                                .condition())
                .isEqualTo(1.0);
        assertThat(
                        scored(withFacts(l, null, "Som ny", null, null), near(null, null))
                                .components()
                                .condition())
                .isEqualTo(0.9);
        assertThat(
                        scored(withFacts(l, null, "Brugt", null, null), near(null, null))
                                .components()
                                .condition())
                .as("a bare 'Brugt' says less than the text")
                .isEqualTo(0.35);
        assertThat(
                        scored(withFacts(l, null, "Defekt", null, null), near(null, null))
                                .components()
                                .condition())
                .isEqualTo(0.1);
    }
}
