package dk.dealfinder.udfs.score;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.priced;
import static dk.dealfinder.udfs.Listings.query;
import static dk.dealfinder.udfs.Listings.version;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.Verdict;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class PriceDropExplainerTest {

    private static final Listing PHONE = listing("1", "iPhone 13", 3000L);
    private static final Listing DROPPED = version(priced(PHONE, 2400L), 2);

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, ScoredDeal, ListingChange, ScoredDeal>
            harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new PriceDropExplainer(Duration.ofDays(1))),
                d -> d.match().listing().listingKey(),
                c -> c.listing().listingKey(),
                Types.STRING);
    }

    private static ScoredDeal deal(String queryId, Listing l, Verdict verdict) {
        return new ScoredDeal(
                classified(l, query(queryId, "iPhone 13", null, List.of()), verdict, 0.9),
                verdict == Verdict.RELEVANT ? 70 : 0,
                new ScoreComponents(0.9, 0.6, 1, 0.5),
                PriceStanding.UNDER_MARKET,
                "20 % under the median");
    }

    private static ScoredDeal deal(String queryId, Listing l) {
        return deal(queryId, l, Verdict.RELEVANT);
    }

    private static ListingChange change(Listing l, ChangeKind kind, Long before) {
        return new ListingChange(l, kind, before, l.fetchedAt());
    }

    private static List<String> explanations(
            KeyedTwoInputStreamOperatorTestHarness<String, ScoredDeal, ListingChange, ScoredDeal>
                    h) {
        return h.extractOutputValues().stream()
                .map(d -> d.match().query().id() + ": " + d.explanation())
                .toList();
    }

    @Test
    void aPriceDropSaysWhatThePriceWasWhicheverArrivesFirst() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement1(deal("early", DROPPED), 1);
            assertThat(h.extractOutputValues()).isEmpty();
            h.processElement2(change(DROPPED, ChangeKind.PRICE_DROP, 3000L), 2);
            h.processElement1(deal("late", DROPPED), 3);

            assertThat(explanations(h))
                    .containsExactly(
                            "early: price dropped 20 % from 3.000 kr. · 20 % under the median",
                            "late: price dropped 20 % from 3.000 kr. · 20 % under the median");
        }
    }

    @Test
    void aCheaperRepostSaysWhatTheItemWasOfferedAtBefore() throws Exception {
        Listing repost = listing("2", "iPhone 13", 2400L);
        try (var h = harness()) {
            h.open();
            h.processElement2(change(repost, ChangeKind.PRICE_DROP, 3000L), 1);
            h.processElement1(deal("q", repost), 2);

            assertThat(explanations(h))
                    .containsExactly(
                            "q: reposted 20 % under the 3.000 kr. it was offered at before"
                                    + " · 20 % under the median");
        }
    }

    @Test
    void otherVersionsAndDealsThatAreNoneAreLeftAsTheyAre() throws Exception {
        Listing edited = version(PHONE, 3);
        try (var h = harness()) {
            h.open();
            h.processElement2(change(PHONE, ChangeKind.NEW, null), 1);
            h.processElement2(change(DROPPED, ChangeKind.PRICE_DROP, 3000L), 2);
            h.processElement1(deal("new", PHONE), 3);
            h.processElement1(deal("edited", edited), 4);
            h.processElement1(deal("cover", DROPPED, Verdict.ACCESSORY), 5);
            h.processElement2(change(edited, ChangeKind.UPDATED, 2400L), 6);

            assertThat(explanations(h))
                    .containsExactly(
                            "new: 20 % under the median",
                            "cover: 20 % under the median", "edited: 20 % under the median");
        }
    }

    @Test
    void aDealWaitingForItsChangeSurvivesARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement1(deal("q", DROPPED), 1);
            snapshot = h.snapshot(1, 10);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(change(DROPPED, ChangeKind.PRICE_DROP, 3000L), 11);

            assertThat(explanations(restored))
                    .containsExactly(
                            "q: price dropped 20 % from 3.000 kr. · 20 % under the median");
        }
    }
}
