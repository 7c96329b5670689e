package dk.dealfinder.udfs.rank;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.score.PriceStanding;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The digest's window operator driven by watermarks: each query's window closes when event time
 * passes the end of its own schedule's window, and an open window survives a restore.
 */
class DigestRankerTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final KeySelector<ScoredDeal, String> BY_QUERY = d -> d.match().query().id();

    private static final SavedQuery HOURLY =
            query("hourly", "iPhone 13", null, List.of()).withDelivery(DigestSchedule.HOURLY, true);
    private static final SavedQuery DAILY =
            query("daily", "iPhone 13", null, List.of()).withDelivery(DigestSchedule.DAILY, true);

    private static KeyedOneInputStreamOperatorTestHarness<String, ScoredDeal, RankedDeal> harness()
            throws Exception {
        DigestWindows windows = new DigestWindows();
        WindowOperatorBuilder<ScoredDeal, String, TimeWindow> builder =
                new WindowOperatorBuilder<>(
                        windows,
                        windows.getDefaultTrigger(),
                        new ExecutionConfig(),
                        TypeInformation.of(ScoredDeal.class),
                        BY_QUERY,
                        Types.STRING);
        return new KeyedOneInputStreamOperatorTestHarness<>(
                builder.aggregate(
                        new DigestRanker.Best(3),
                        new DigestRanker.Ranks(),
                        TypeInformation.of(TopDeals.class)),
                BY_QUERY,
                Types.STRING);
    }

    private static ScoredDeal deal(SavedQuery q, String adId, double score, long seenAt) {
        return new ScoredDeal(
                classified(
                        fetchedAt(listing(adId, "iPhone 13", 2000L), seenAt),
                        q,
                        Verdict.RELEVANT,
                        0.9),
                score,
                new ScoreComponents(0.9, 0.6, 1, 0.5),
                PriceStanding.UNDER_MARKET,
                "why");
    }

    private static List<Tuple> digest(
            KeyedOneInputStreamOperatorTestHarness<String, ScoredDeal, RankedDeal> h) {
        return h.extractOutputValues().stream()
                .map(r -> tuple(r.queryId(), r.windowEnd(), r.rank(), r.deal().listingKey()))
                .toList();
    }

    @Test
    void eachQuerysWindowClosesWhenEventTimePassesTheEndOfItsSchedule() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(deal(HOURLY, "1", 60, 10), 10);
            h.processElement(deal(DAILY, "2", 70, 20), 20);
            h.processElement(deal(HOURLY, "3", 80, 30), 30);
            h.processWatermark(HOUR);

            assertThat(digest(h))
                    .containsExactly(
                            tuple("hourly", HOUR, 1, "dba.dk:3"),
                            tuple("hourly", HOUR, 2, "dba.dk:1"));

            h.processElement(deal(DAILY, "4", 90, 2 * HOUR), 2 * HOUR);
            h.processWatermark(DAY);

            assertThat(digest(h))
                    .containsExactly(
                            tuple("hourly", HOUR, 1, "dba.dk:3"),
                            tuple("hourly", HOUR, 2, "dba.dk:1"),
                            tuple("daily", DAY, 1, "dba.dk:4"),
                            tuple("daily", DAY, 2, "dba.dk:2"));
        }
    }

    @Test
    void anOpenDailyWindowSurvivesARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(deal(DAILY, "1", 60, 10), 10);
            h.processWatermark(HOUR);
            assertThat(h.extractOutputValues()).isEmpty();
            snapshot = h.snapshot(1, HOUR);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(deal(DAILY, "2", 75, 5 * HOUR), 5 * HOUR);
            restored.processWatermark(DAY);

            assertThat(digest(restored))
                    .containsExactly(
                            tuple("daily", DAY, 1, "dba.dk:2"), tuple("daily", DAY, 2, "dba.dk:1"));
        }
    }
}
