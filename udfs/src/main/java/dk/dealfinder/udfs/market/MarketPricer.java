package dk.dealfinder.udfs.market;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.Preconditions;

/**
 * Keyed by saved query id, keeps the distribution of asking prices of listings judged RELEVANT to
 * the query over a sliding horizon (one {@link MarketSketch} per day, days older than the horizon
 * dropped), attaches the query's current estimate to every match and publishes each new estimate on
 * {@link #ESTIMATES}.
 *
 * <p>Time is the listings' own scrape time, not the wall clock, so a replay of the archive rebuilds
 * the same estimates. A price that is older than the horizon by the latest one is not counted.
 *
 * <p>Matches outside the query's price range ({@link ClassifiedMatch#priceInRange()} false) are
 * here only so that the estimate is not biased towards the user's own limit: their price is counted
 * like any other RELEVANT listing's, and then they are dropped, so they are never scored or
 * alerted.
 */
public class MarketPricer extends KeyedProcessFunction<String, ClassifiedMatch, PricedMatch> {

    public static final OutputTag<MarketEstimate> ESTIMATES =
            new OutputTag<>("market-estimates") {};

    static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private final int horizonDays;
    private transient MapState<Long, byte[]> days;
    private transient ValueState<Long> latest;
    private transient Counter samples;
    private transient Counter tooOld;
    private transient Counter outOfRange;

    /**
     * @param horizonDays how many days of prices an estimate covers
     */
    public MarketPricer(int horizonDays) {
        Preconditions.checkArgument(
                horizonDays >= 1,
                "the market horizon must be at least one day, got %s",
                horizonDays);
        this.horizonDays = horizonDays;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<Long, byte[]> descriptor =
                new MapStateDescriptor<>(
                        "daily-price-sketches",
                        Types.LONG,
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        // Days are pruned as prices arrive; the TTL clears the days of a query that went quiet.
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofDays(horizonDays + 1L)).build());
        days = getRuntimeContext().getMapState(descriptor);
        latest =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("latest-price-at", Types.LONG));
        samples = getRuntimeContext().getMetricGroup().counter("marketPrices");
        tooOld = getRuntimeContext().getMetricGroup().counter("marketPricesTooOld");
        outOfRange = getRuntimeContext().getMetricGroup().counter("marketPricesOutOfQueryRange");
    }

    @Override
    public void processElement(ClassifiedMatch m, Context ctx, Collector<PricedMatch> out)
            throws Exception {
        Listing listing = m.listing();
        Long previousLatest = latest.value();
        long asOf =
                previousLatest == null
                        ? listing.fetchedAt()
                        : Math.max(previousLatest, listing.fetchedAt());
        long firstDay = Math.floorDiv(asOf, DAY_MILLIS) - horizonDays + 1;
        dropDaysBefore(firstDay);
        String queryId = ctx.getCurrentKey();
        if (m.priceInRange()) {
            out.collect(
                    new PricedMatch(
                            m, MarketSketch.estimate(queryId, days.values(), horizonDays, asOf)));
        } else {
            outOfRange.inc();
        }

        if (m.verdict() != Verdict.RELEVANT || listing.price() == null || listing.price() <= 0) {
            return;
        }
        long day = Math.floorDiv(listing.fetchedAt(), DAY_MILLIS);
        if (day < firstDay) {
            tooOld.inc();
            return;
        }
        days.put(day, MarketSketch.add(days.get(day), listing.price()));
        latest.update(asOf);
        samples.inc();
        ctx.output(ESTIMATES, MarketSketch.estimate(queryId, days.values(), horizonDays, asOf));
    }

    private void dropDaysBefore(long firstDay) throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, byte[]> e : days.entries()) {
            if (e.getKey() < firstDay) {
                expired.add(e.getKey());
            }
        }
        for (Long day : expired) {
            days.remove(day);
        }
    }
}
