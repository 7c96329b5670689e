package dk.dealfinder.udfs.market;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MarketPricerTest {

    private static final SavedQuery PHONES = query("phones", "iPhone 13", null, List.of());
    private static final long DAY = MarketPricer.DAY_MILLIS;

    private static KeyedOneInputStreamOperatorTestHarness<String, ClassifiedMatch, PricedMatch>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MarketPricer(30)),
                m -> m.query().id(),
                Types.STRING);
    }

    private static ClassifiedMatch relevant(String adId, long price, long at) {
        return classified(
                fetchedAt(listing(adId, "iPhone 13", price), at), PHONES, Verdict.RELEVANT, 0.9);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, ClassifiedMatch, PricedMatch> h,
            ClassifiedMatch m)
            throws Exception {
        h.processElement(m, m.listing().fetchedAt());
    }

    private static MarketEstimate lastEstimate(
            KeyedOneInputStreamOperatorTestHarness<String, ClassifiedMatch, PricedMatch> h) {
        List<PricedMatch> out = h.extractOutputValues();
        return out.get(out.size() - 1).market();
    }

    @Test
    void eachMatchCarriesTheEstimateFromThePricesBeforeIt() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, DAY));
            send(h, relevant("2", 2000, DAY + 1));
            send(h, relevant("3", 3000, DAY + 2));
            send(h, relevant("4", 9000, DAY + 3));

            List<PricedMatch> out = h.extractOutputValues();
            assertThat(out.get(0).market().n()).isZero();
            assertThat(out.get(2).market().n()).isEqualTo(2);
            MarketEstimate m = out.get(3).market();
            assertThat(m.n()).isEqualTo(3);
            assertThat(m.median()).isEqualTo(2000.0);
            assertThat(m.lowerQuartile()).isEqualTo(1000.0);
            assertThat(m.upperQuartile()).isEqualTo(3000.0);
            assertThat(m.horizonDays()).isEqualTo(30);
            assertThat(m.queryId()).isEqualTo("phones");
        }
    }

    @Test
    void onlyRelevantListingsWithAPriceAreCounted() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, classified(listing("1", "Cover", 99L), PHONES, Verdict.ACCESSORY, 0.9));
            send(h, classified(listing("2", "iPhone 13", 0L), PHONES, Verdict.RELEVANT, 0.9));
            send(h, classified(listing("3", "iPhone 13", null), PHONES, Verdict.RELEVANT, 0.9));
            send(h, relevant("4", 2000, 2_000));

            assertThat(lastEstimate(h).n()).isZero();
            assertThat(h.getSideOutput(MarketPricer.ESTIMATES))
                    .extracting(r -> r.getValue().n())
                    .containsExactly(1L);
        }
    }

    @Test
    void pricesOlderThanTheHorizonSlideOut() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, 0));
            send(h, relevant("2", 3000, 20 * DAY));
            send(h, relevant("3", 5000, 30 * DAY));
            send(h, relevant("4", 5000, 31 * DAY));

            List<PricedMatch> out = h.extractOutputValues();
            assertThat(out.get(2).market().n()).isEqualTo(1);
            assertThat(out.get(2).market().median()).isEqualTo(3000.0);
            assertThat(out.get(3).market().n()).isEqualTo(2);
        }
    }

    @Test
    void aLatePriceOlderThanTheHorizonIsNotCounted() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, 40 * DAY));
            send(h, relevant("2", 50, 2 * DAY));
            send(h, relevant("3", 1000, 40 * DAY + 1));

            assertThat(lastEstimate(h).n()).isEqualTo(1);
            assertThat(lastEstimate(h).median()).isEqualTo(1000.0);
        }
    }

    @Test
    void publishesEachNewEstimateOnTheSideOutput() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, 1_000));
            send(h, relevant("2", 3000, 2_000));

            assertThat(h.getSideOutput(MarketPricer.ESTIMATES))
                    .extracting(StreamRecord::getValue)
                    .extracting(MarketEstimate::n, MarketEstimate::median)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, 1000.0),
                            org.assertj.core.groups.Tuple.tuple(2L, 1000.0));
        }
    }

    @Test
    void theSketchesSurviveARestoreFromSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, 1_000));
            send(h, relevant("2", 3000, 2_000));
            snapshot = h.snapshot(1, 100);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, relevant("3", 2000, 3_000));

            assertThat(lastEstimate(restored).n()).isEqualTo(2);
        }
    }

    @Test
    void rejectsAnEmptyHorizon() {
        assertThatThrownBy(() -> new MarketPricer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one day");
    }

    @Test
    void pricesOutsideTheQuerysRangeCountInTheMarketButAreNeverPassedOnToScoring()
            throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, relevant("1", 1000, DAY));
            send(h, outOfRange(relevant("2", 5000, DAY + 1)));
            send(h, outOfRange(relevant("3", 6000, DAY + 2)));
            send(h, relevant("4", 1200, DAY + 3));

            assertThat(h.extractOutputValues())
                    .as("only matches within the range go on to the scorer")
                    .extracting(p -> p.match().listing().adId())
                    .containsExactly("1", "4");
            MarketEstimate seenBy4 = lastEstimate(h);
            assertThat(seenBy4.n()).isEqualTo(3);
            assertThat(seenBy4.median())
                    .as("the over-limit prices pull the median up, as the real market does")
                    .isEqualTo(5000.0);
            assertThat(h.getSideOutput(MarketPricer.ESTIMATES))
                    .extracting(r -> r.getValue().n())
                    .containsExactly(1L, 2L, 3L, 4L);
        }
    }

    private static ClassifiedMatch outOfRange(ClassifiedMatch m) {
        return new ClassifiedMatch(
                m.listing(),
                m.query(),
                m.verdict(),
                m.confidence(),
                m.similarity(),
                m.reason(),
                m.modelId(),
                m.attributes(),
                m.provider(),
                false);
    }
}
