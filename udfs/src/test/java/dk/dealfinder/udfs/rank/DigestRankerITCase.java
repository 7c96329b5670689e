package dk.dealfinder.udfs.rank;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.priced;
import static dk.dealfinder.udfs.Listings.query;
import static dk.dealfinder.udfs.Listings.version;
import static dk.dealfinder.udfs.score.PriceStanding.NOT_UNDER;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The digest's windows on a MiniCluster, fed a bounded stream so every window closes: each query
 * gets windows of its own schedule, none when its digest is off, and never an overpriced deal.
 */
class DigestRankerITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Hourly digests, no instant alerts: the digest is where its deals go. */
    private static final SavedQuery PHONES =
            query("phones", "iPhone 13", null, List.of())
                    .withDelivery(DigestSchedule.HOURLY, false);

    private static final SavedQuery LEGO =
            query("lego", "Lego 42100", null, List.of()).withDelivery(DigestSchedule.DAILY, true);

    private static final SavedQuery NO_DIGEST =
            query("bikes", "Racercykel", null, List.of()).withDelivery(DigestSchedule.OFF, true);

    private static ScoredDeal deal(SavedQuery q, Listing l, double score, long seenAt) {
        return deal(q, l, score, seenAt, PriceStanding.UNDER_MARKET);
    }

    private static ScoredDeal deal(
            SavedQuery q, Listing l, double score, long seenAt, PriceStanding standing) {
        return new ScoredDeal(
                classified(
                        fetchedAt(l, seenAt),
                        q,
                        score > 0 ? Verdict.RELEVANT : Verdict.ACCESSORY,
                        0.9),
                score,
                new ScoreComponents(0.9, 0.5, 1, 0.5),
                standing,
                "why");
    }

    @Test
    void eachQueryGetsItsBestDealsPerWindowOfItsScheduleOncePerListing() throws Exception {
        Listing a = listing("1", "iPhone 13", 2000L);
        List<ScoredDeal> deals =
                List.of(
                        deal(PHONES, a, 60, 10),
                        deal(PHONES, listing("2", "iPhone 13", 2500L), 70, 20),
                        deal(PHONES, listing("3", "iPhone 13", 3000L), 55, 30),
                        deal(PHONES, version(priced(a, 1500L), 2), 80, 40),
                        deal(PHONES, listing("4", "Cover", 99L), 0, 50),
                        deal(PHONES, listing("7", "iPhone 13", 3900L), 95, 55, NOT_UNDER),
                        deal(LEGO, listing("5", "Lego 42100", 900L), 65, 60),
                        deal(NO_DIGEST, listing("8", "Racercykel", 2000L), 90, 70),
                        deal(PHONES, listing("6", "iPhone 13", 1900L), 75, HOUR + 5),
                        deal(LEGO, listing("9", "Lego 42100", 700L), 70, 2 * HOUR));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.setParallelism(1);
        List<RankedDeal> digest = new ArrayList<>();
        DigestRanker.digest(
                        env.fromData(deals),
                        2,
                        Duration.ZERO,
                        Duration.ofMinutes(1),
                        ZoneOffset.UTC)
                .executeAndCollect()
                .forEachRemaining(digest::add);

        assertThat(digest)
                .extracting(
                        RankedDeal::queryId,
                        RankedDeal::windowEnd,
                        RankedDeal::rank,
                        r -> r.deal().listingKey(),
                        r -> r.deal().listingVersion())
                .containsExactlyInAnyOrder(
                        tuple("phones", HOUR, 1, "dba.dk:1", 2),
                        tuple("phones", HOUR, 2, "dba.dk:2", 1),
                        tuple("phones", 2 * HOUR, 1, "dba.dk:6", 1),
                        tuple("lego", DAY, 1, "dba.dk:9", 1),
                        tuple("lego", DAY, 2, "dba.dk:5", 1));
    }
}
