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
                .hasMessageContaining("at least one score weight");
    }
}
