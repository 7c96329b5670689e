package dk.dealfinder.udfs.rank;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.priced;
import static dk.dealfinder.udfs.Listings.query;
import static dk.dealfinder.udfs.Listings.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.score.PriceStanding;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class AlertGateTest {

    private static final Listing PHONE = listing("1", "iPhone 13", 2000L);
    private static final ScoreComponents ANY = new ScoreComponents(1, 1, 1, 1);

    private static KeyedOneInputStreamOperatorTestHarness<String, ScoredDeal, ScoredDeal> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new AlertGate(new AlertPolicy(5, 500, Duration.ofDays(30).toMillis()))),
                ScoredDeal::pairKey,
                Types.STRING);
    }

    private static ScoredDeal deal(String queryId, Listing l, double score) {
        return deal(
                query(queryId, "iPhone 13", null, List.of()), l, score, PriceStanding.UNDER_MARKET);
    }

    private static ScoredDeal deal(SavedQuery q, Listing l, double score, PriceStanding standing) {
        return new ScoredDeal(classified(l, q, Verdict.RELEVANT, 0.9), score, ANY, standing, "why");
    }

    private static ScoredDeal deal(Listing l) {
        return deal("phone", l, 80);
    }

    private static List<Tuple> passed(
            KeyedOneInputStreamOperatorTestHarness<String, ScoredDeal, ScoredDeal> h) {
        return h.extractOutputValues().stream()
                .map(d -> tuple(d.match().query().id(), d.match().listing().version()))
                .toList();
    }

    @Test
    void aRealPriceDropGivesExactlyOneMoreAlertAndEditsGiveNone() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(deal(PHONE), 1);
            h.processElement(deal(version(PHONE, 2)), 2); // edit, same price
            h.processElement(deal(version(priced(PHONE, 2100L), 3)), 3); // rise
            h.processElement(deal(version(priced(PHONE, 1950L), 4)), 4); // 2.5 %, 50 kr.
            h.processElement(deal(version(priced(PHONE, 1800L), 5)), 5); // 10 % under 2000
            h.processElement(deal(version(priced(PHONE, 1800L), 5)), 6); // replay
            h.processElement(deal(version(priced(PHONE, 2000L), 6)), 7); // back up
            h.processElement(deal(version(priced(PHONE, 1800L), 7)), 8); // down to alerted

            assertThat(passed(h)).containsExactly(tuple("phone", 1), tuple("phone", 5));
        }
    }

    @Test
    void eitherMarginMakesADropReal() {
        AlertPolicy policy = new AlertPolicy(5, 500, 1);
        assertThat(policy.isRealDrop(100_000, 99_500)).isTrue();
        assertThat(policy.isRealDrop(200, 190)).isTrue();
        assertThat(policy.isRealDrop(2000, 1950)).isFalse();
        assertThat(policy.isRealDrop(2000, 2100)).isFalse();
    }

    @Test
    void aListingFirstWorthAnAlertAfterADropIsAlertedThen() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(deal("phone", PHONE, 20), 1);
            h.processElement(deal("phone", version(priced(PHONE, 1990L), 2), 60), 2);

            assertThat(passed(h)).containsExactly(tuple("phone", 2));
        }
    }

    @Test
    void aHighScoreAtOrOverTheMarketIsNeverAlertedButADropUnderItIs() throws Exception {
        SavedQuery q = query("phone", "iPhone 13", null, List.of());
        try (var h = harness()) {
            h.open();
            h.processElement(deal(q, PHONE, 90, PriceStanding.NOT_UNDER), 1);
            h.processElement(deal(q, version(PHONE, 2), 90, PriceStanding.UNJUDGED), 2);
            h.processElement(
                    deal(q, version(priced(PHONE, 1500L), 3), 90, PriceStanding.UNDER_MARKET), 3);

            assertThat(passed(h)).containsExactly(tuple("phone", 3));
        }
    }

    @Test
    void aQueryWithInstantAlertsOffGetsNone() throws Exception {
        SavedQuery quiet =
                query("quiet", "iPhone 13", null, List.of())
                        .withDelivery(DigestSchedule.DAILY, false);
        try (var h = harness()) {
            h.open();
            h.processElement(deal(quiet, PHONE, 90, PriceStanding.UNDER_MARKET), 1);
            h.processElement(
                    deal(quiet, version(priced(PHONE, 1000L), 2), 95, PriceStanding.UNDER_MARKET),
                    2);
            h.processElement(deal("phone", PHONE, 90), 3);

            assertThat(passed(h)).containsExactly(tuple("phone", 1));
        }
    }

    @Test
    void eachQueryGetsItsOwnAlert() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(deal("phone", PHONE, 80), 1);
            h.processElement(deal("cheap-phone", PHONE, 80), 2);

            assertThat(passed(h)).containsExactly(tuple("phone", 1), tuple("cheap-phone", 1));
        }
    }

    @Test
    void rememberedAlertsSurviveARestoreFromSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(deal(PHONE), 1);
            snapshot = h.snapshot(1, 10);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(deal(PHONE), 11);
            restored.processElement(deal(version(PHONE, 2)), 12);
            restored.processElement(deal(version(priced(PHONE, 1500L), 3)), 13);

            assertThat(passed(restored)).containsExactly(tuple("phone", 3));
        }
    }
}
