package dk.dealfinder.bench;

import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketListing;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Issue 5: the market-pricing state per saved query, one KLL sketch per day of the horizon, against
 * {@link RawPriceDays}, which keeps every price and sorts them for each estimate. Each listing
 * costs what it costs in {@code MarketPricer}: an estimate (merge of the horizon's days), the day's
 * update, and a second estimate. {@code MarketSketch} is package-private in udfs, so the sketch
 * side repeats its three calls on the same library with the same K; state size is the serialized
 * bytes of all days of all queries after every listing, as Flink's serializers would write them.
 */
final class MarketStateBench {

    /** MarketSketch.K. */
    private static final int K = 200;

    private static final int HORIZON_DAYS = 30;

    private MarketStateBench() {}

    static void run(Results results, int listings) {
        List<MarketListing> catalogue;
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.defaults())) {
            catalogue = marketplace.catalogue().all();
        }
        List<String> queries = new ArrayList<>();
        long[] prices = new long[listings];
        int[] query = new int[listings];
        for (int i = 0; i < listings; i++) {
            MarketListing m = catalogue.get(i % catalogue.size());
            if (!queries.contains(m.category())) {
                queries.add(m.category());
            }
            query[i] = queries.indexOf(m.category());
            prices[i] = m.price();
        }
        // Warm-up on a slice, so JIT is not counted against either side.
        int warm = Math.min(listings, 2_000);
        sketches(prices, query, queries.size(), warm, true);
        raw(prices, query, queries.size(), warm, true);
        long start = System.nanoTime();
        long sketchBytes = sketches(prices, query, queries.size(), listings, true);
        double sketchRate = listings / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        long rawBytes = raw(prices, query, queries.size(), listings, true);
        double rawRate = listings / ((System.nanoTime() - start) / 1e9);

        String note =
                String.format(
                        "%,d listings over %d saved queries (one per catalogue category) spread"
                                + " evenly over a %d-day horizon; KLL K=%d; baseline: raw price"
                                + " arrays, sorted per estimate",
                        listings, queries.size(), HORIZON_DAYS, K);
        results.add(
                "market pricing",
                "throughput, estimate + update + estimate",
                sketchRate,
                "listings/s",
                rawRate,
                note);
        results.add(
                "market pricing",
                "state size per 100k listings",
                sketchBytes * 100_000.0 / listings / 1024,
                "KiB",
                rawBytes * 100_000.0 / listings / 1024,
                "same run; "
                        + sketchBytes
                        + " vs "
                        + rawBytes
                        + " bytes for "
                        + listings
                        + " listings; per day: 8-byte key, 4-byte length, the bytes");
        // The same prices all for one query: a sketch's day stops growing, a raw day does not.
        int[] one = new int[listings];
        results.add(
                "market pricing",
                "state size per 100k listings, one saved query",
                sketches(prices, one, 1, listings, false) * 100_000.0 / listings / 1024,
                "KiB",
                raw(prices, one, 1, listings, false) * 100_000.0 / listings / 1024,
                "the same prices, all for one query (state only, no estimates)");
    }

    private static long day(int i, int listings) {
        return (long) i * HORIZON_DAYS / listings;
    }

    /** Runs the sketch side; returns the serialized state size. */
    private static long sketches(
            long[] prices, int[] query, int queries, int listings, boolean estimate) {
        List<Map<Long, byte[]>> state = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            state.add(new HashMap<>());
        }
        double sink = 0;
        for (int i = 0; i < listings; i++) {
            Map<Long, byte[]> days = state.get(query[i]);
            sink += estimate ? quartileSum(days.values()) : 0;
            long day = day(i, listings);
            byte[] bytes = days.get(day);
            KllDoublesSketch s =
                    bytes == null
                            ? KllDoublesSketch.newHeapInstance(K)
                            : KllDoublesSketch.heapify(Memory.wrap(bytes));
            s.update(prices[i]);
            days.put(day, s.toByteArray());
            sink += estimate ? quartileSum(days.values()) : 0;
        }
        blackhole(sink);
        return state.stream()
                .flatMap(d -> d.values().stream())
                .mapToLong(b -> 8 + 4 + b.length)
                .sum();
    }

    private static double quartileSum(Iterable<byte[]> days) {
        KllDoublesSketch merged = KllDoublesSketch.newHeapInstance(K);
        for (byte[] day : days) {
            merged.merge(KllDoublesSketch.heapify(Memory.wrap(day)));
        }
        return merged.isEmpty()
                ? 0
                : merged.getQuantile(0.25) + merged.getQuantile(0.5) + merged.getQuantile(0.75);
    }

    /** Runs the baseline; returns the serialized state size. */
    private static long raw(
            long[] prices, int[] query, int queries, int listings, boolean estimate) {
        List<RawPriceDays> state = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            state.add(new RawPriceDays());
        }
        double sink = 0;
        for (int i = 0; i < listings; i++) {
            RawPriceDays days = state.get(query[i]);
            sink += estimate ? sum(days.quartiles()) : 0;
            days.add(day(i, listings), prices[i]);
            sink += estimate ? sum(days.quartiles()) : 0;
        }
        blackhole(sink);
        return state.stream().mapToLong(RawPriceDays::serializedBytes).sum();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Keeps the JIT from dropping the estimates as unused. */
    private static void blackhole(double value) {
        if (value == Double.MIN_VALUE) {
            System.out.println(value);
        }
    }
}
