package dk.dealfinder.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(List<Long> sample) {
        this(sample.stream().mapToLong(Long::longValue).toArray());
    }

    /** Sorts {@code sample} in place: large samples are not copied. */
    Percentiles(long[] sample) {
        Arrays.sort(sample);
        this.sorted = sample;
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
