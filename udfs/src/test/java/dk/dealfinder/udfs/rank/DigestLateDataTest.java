package dk.dealfinder.udfs.rank;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.score.PriceStanding;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The digest's window operator itself, taken from the stream {@link DigestRanker} builds and driven
 * by hand: a deal seen after its window closed goes to {@link DigestRanker#LATE} instead of
 * vanishing, and becomes a counted dead letter.
 */
class DigestLateDataTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private static final SavedQuery PHONES =
            query("phones", "iPhone 13", null, List.of())
                    .withDelivery(DigestSchedule.HOURLY, false);

    private static ScoredDeal deal(Listing l, long seenAt) {
        return new ScoredDeal(
                classified(fetchedAt(l, seenAt), PHONES, Verdict.RELEVANT, 0.9),
                70,
                new ScoreComponents(0.9, 0.5, 1, 0.5),
                PriceStanding.UNDER_MARKET,
                "why");
    }

    @SuppressWarnings("unchecked")
    private static KeyedOneInputStreamOperatorTestHarness<String, ScoredDeal, RankedDeal>
            windowHarness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        SingleOutputStreamOperator<RankedDeal> ranked =
                DigestRanker.digest(
                        env.fromData(deal(listing("0", "iPhone 13", 1L), 0)),
                        3,
                        Duration.ZERO,
                        Duration.ofMinutes(1),
                        ZoneOffset.UTC);
        var window = (OneInputTransformation<ScoredDeal, RankedDeal>) ranked.getTransformation();
        return new KeyedOneInputStreamOperatorTestHarness<>(
                (OneInputStreamOperator<ScoredDeal, RankedDeal>) window.getOperator(),
                (KeySelector<ScoredDeal, String>) window.getStateKeySelector(),
                (TypeInformation<String>) window.getStateKeyType());
    }

    @Test
    void aDealSeenAfterItsWindowClosedGoesToTheLateOutputNotTheDigest() throws Exception {
        try (var h = windowHarness()) {
            h.open();
            h.processElement(new StreamRecord<>(deal(listing("1", "iPhone 13", 2000L), 10), 10));
            h.processWatermark(new Watermark(HOUR + 1));
            h.processElement(new StreamRecord<>(deal(listing("2", "iPhone 13", 1500L), 20), 20));

            assertThat(h.extractOutputValues())
                    .extracting(r -> r.deal().listingKey())
                    .containsExactly("dba.dk:1");
            assertThat(h.getSideOutput(DigestRanker.LATE))
                    .extracting(r -> r.getValue().match().listing().listingKey())
                    .containsExactly("dba.dk:2");
        }
    }

    @Test
    void aLateDealBecomesADeadLetterNamingTheQueryAndVersion() throws Exception {
        try (var h =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new LateDigestDeals()))) {
            h.open();
            h.processElement(new StreamRecord<>(deal(listing("2", "iPhone 13", 1500L), 20)));

            DeadLetter letter = h.extractOutputValues().get(0);
            assertThat(letter.stage()).isEqualTo("digest");
            assertThat(letter.source()).isEqualTo("phones/dba.dk:2@1");
            assertThat(letter.reason()).contains("after its digest window had closed");
            assertThat(letter.at()).isEqualTo(20);
        }
    }
}
