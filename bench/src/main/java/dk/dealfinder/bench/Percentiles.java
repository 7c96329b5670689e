package dk.dealfinder.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(List<Long> sample) {
        this.sorted = sample.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    long at(double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int size() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(new long[] {at(50), at(95), at(99)});
    }
}
