package dk.dealfinder.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline of the market-pricing benchmark: one saved query's asking prices kept raw, one
 * growing array per day, with quartiles computed by sorting every price of the horizon, which is
 * what the market state would be without sketches.
 */
final class RawPriceDays {

    private final Map<Long, long[]> days = new HashMap<>();
    private final Map<Long, Integer> counts = new HashMap<>();

    void add(long day, long price) {
        long[] prices = days.computeIfAbsent(day, d -> new long[16]);
        int n = counts.getOrDefault(day, 0);
        if (n == prices.length) {
            prices = Arrays.copyOf(prices, n * 2);
            days.put(day, prices);
        }
        prices[n] = price;
        counts.put(day, n + 1);
    }

    /** Lower quartile, median and upper quartile of every price held; empty when none. */
    double[] quartiles() {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return new double[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (Map.Entry<Long, long[]> day : days.entrySet()) {
            int n = counts.get(day.getKey());
            System.arraycopy(day.getValue(), 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        return new double[] {rank(all, 0.25), rank(all, 0.5), rank(all, 0.75)};
    }

    /**
     * Bytes the state would take serialized as Flink's {@code long[]} serializer writes it: a
     * 4-byte length and 8 bytes a price, per day, plus the 8-byte day key.
     */
    long serializedBytes() {
        return counts.values().stream().mapToLong(n -> 8 + 4 + 8L * n).sum();
    }

    private static double rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
