package dk.dealfinder.udfs.rank;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.Preconditions;

/**
 * The top N deals per saved query and tumbling window, the window's size chosen by each query's
 * digest schedule ({@link DigestWindows}): an incremental aggregate that keeps only the best N
 * ({@link TopDeals}), and a window function that numbers them when the window closes. Deals enter
 * as alerts stamped with the time their version was seen, so a replay ranks the same. A digest
 * lists deals whether or not they were alerted instantly, but never one priced at or over its
 * market ({@link ScoredDeal#digestWorthy()}). A deal seen after its window closed (later than the
 * allowed lateness) is not silently lost: it goes to {@link #LATE}, for {@link LateDigestDeals} to
 * count and dead-letter.
 */
public final class DigestRanker {

    /** Deals seen after their digest window had closed. */
    public static final OutputTag<ScoredDeal> LATE = new OutputTag<>("late-digest-deals") {};

    private DigestRanker() {}

    /**
     * The digest of {@code scored}: every deal worth a digest whose query wants one, timed by when
     * its version was seen, ranked per saved query and tumbling window of the query's schedule.
     *
     * @param lateness how far out of order versions may be seen before a window closes anyway
     * @param idleness a quiet stream stops holding windows open after this long
     * @param zone where daily digests' days start and end
     */
    public static SingleOutputStreamOperator<RankedDeal> digest(
            DataStream<ScoredDeal> scored,
            int size,
            Duration lateness,
            Duration idleness,
            ZoneId zone) {
        Preconditions.checkArgument(size >= 1, "a digest lists at least one deal, got %s", size);
        return scored.filter(
                        d -> d.digestWorthy() && d.match().query().digest() != DigestSchedule.OFF)
                .name("digest-candidates")
                .uid("digest-candidates")
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<ScoredDeal>forBoundedOutOfOrderness(lateness)
                                .withTimestampAssigner(
                                        (d, previous) -> d.match().listing().fetchedAt())
                                .withIdleness(idleness))
                .name("digest-time")
                .uid("digest-time")
                .keyBy(d -> d.match().query().id())
                .window(new DigestWindows(zone))
                .sideOutputLateData(LATE)
                .aggregate(new Best(size), new Ranks())
                .name("digest-ranker")
                .uid("digest-ranker");
    }

    /** Keeps the best {@code size} deals of a window. */
    public static final class Best implements AggregateFunction<ScoredDeal, TopDeals, TopDeals> {

        private final int size;

        public Best(int size) {
            this.size = size;
        }

        @Override
        public TopDeals createAccumulator() {
            return TopDeals.empty(size);
        }

        @Override
        public TopDeals add(ScoredDeal deal, TopDeals top) {
            return top.with(deal.toAlert(deal.match().listing().fetchedAt()));
        }

        @Override
        public TopDeals getResult(TopDeals top) {
            return top;
        }

        @Override
        public TopDeals merge(TopDeals a, TopDeals b) {
            return a.merge(b);
        }
    }

    /** Numbers a closed window's best deals 1..N. */
    public static final class Ranks
            extends ProcessWindowFunction<TopDeals, RankedDeal, String, TimeWindow> {

        @Override
        public void process(
                String queryId, Context ctx, Iterable<TopDeals> tops, Collector<RankedDeal> out) {
            for (TopDeals top : tops) {
                for (int i = 0; i < top.best().size(); i++) {
                    out.collect(
                            new RankedDeal(
                                    queryId,
                                    ctx.window().getStart(),
                                    ctx.window().getEnd(),
                                    i + 1,
                                    top.best().get(i)));
                }
            }
        }
    }
}
