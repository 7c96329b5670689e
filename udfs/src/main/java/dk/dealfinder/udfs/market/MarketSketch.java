package dk.dealfinder.udfs.market;

import dk.dealfinder.core.model.MarketEstimate;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * One day's asking prices of a saved query as a serialized KLL quantile sketch: a few kilobytes
 * however many listings the day had, and mergeable, so a sliding horizon is the merge of its days.
 */
final class MarketSketch {

    /** KLL accuracy parameter: about 1.3 % normalized rank error, exact below ~200 prices. */
    static final int K = 200;

    private MarketSketch() {}

    /** {@code sketch} (null for an empty day) with {@code price} added. */
    static byte[] add(byte[] sketch, long price) {
        KllDoublesSketch s = sketch == null ? KllDoublesSketch.newHeapInstance(K) : heapify(sketch);
        s.update(price);
        return s.toByteArray();
    }

    /** The estimate from the merge of {@code days}. */
    static MarketEstimate estimate(
            String queryId, Iterable<byte[]> days, int horizonDays, long asOf) {
        KllDoublesSketch merged = KllDoublesSketch.newHeapInstance(K);
        for (byte[] day : days) {
            merged.merge(heapify(day));
        }
        return estimate(merged, queryId, horizonDays, asOf, MarketEstimate.Source.SAVED_QUERY);
    }

    /** The estimate from a handful of prices, exact as long as they are fewer than ~200. */
    static MarketEstimate estimate(
            String queryId,
            List<Double> prices,
            int horizonDays,
            long asOf,
            MarketEstimate.Source source) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(K);
        prices.forEach(sketch::update);
        return estimate(sketch, queryId, horizonDays, asOf, source);
    }

    private static MarketEstimate estimate(
            KllDoublesSketch sketch,
            String queryId,
            int horizonDays,
            long asOf,
            MarketEstimate.Source source) {
        if (sketch.isEmpty()) {
            return MarketEstimate.none(queryId, horizonDays, asOf);
        }
        return new MarketEstimate(
                queryId,
                sketch.getN(),
                sketch.getQuantile(0.5),
                sketch.getQuantile(0.25),
                sketch.getQuantile(0.75),
                horizonDays,
                asOf,
                source);
    }

    private static KllDoublesSketch heapify(byte[] bytes) {
        return KllDoublesSketch.heapify(Memory.wrap(bytes));
    }
}
