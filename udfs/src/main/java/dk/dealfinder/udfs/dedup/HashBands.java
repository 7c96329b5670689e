package dk.dealfinder.udfs.dedup;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * Splits a 64-bit hash into {@code maxDistance + 1} bands. Two hashes at most {@code maxDistance}
 * bits apart agree exactly on at least one band (pigeonhole), so keying by band finds every near
 * duplicate with plain {@code keyBy}, and only hashes sharing a band are ever compared.
 */
public final class HashBands implements Serializable {

    private final int maxDistance;

    public HashBands(int maxDistance) {
        Preconditions.checkArgument(
                maxDistance >= 0 && maxDistance <= 15,
                "the image hash distance must be 0..15, got %s",
                maxDistance);
        this.maxDistance = maxDistance;
    }

    public int maxDistance() {
        return maxDistance;
    }

    public int count() {
        return maxDistance + 1;
    }

    /** The key of band {@code band} of {@code hash}: the band's index and its bits. */
    public String key(long hash, int band) {
        int n = count();
        int from = band * 64 / n;
        int to = (band + 1) * 64 / n;
        long mask = to - from == 64 ? -1L : (1L << (to - from)) - 1;
        return band + ":" + Long.toHexString((hash >>> from) & mask);
    }
}
