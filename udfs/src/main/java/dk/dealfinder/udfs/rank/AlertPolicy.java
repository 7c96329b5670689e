package dk.dealfinder.udfs.rank;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * When a listing that was already alerted on deserves another alert: only when it became cheaper
 * than the lowest price alerted so far by at least one of the two margins. A repost of an item
 * under a new id is held to the same margins against the lowest price the item was offered at.
 *
 * @param minDropPercent a drop of at least this percentage of the last alerted price is real
 * @param minDropAmount a drop of at least this many currency units is real
 * @param memoryMillis how long an alert is remembered per (query, listing)
 */
public record AlertPolicy(double minDropPercent, long minDropAmount, long memoryMillis)
        implements Serializable {

    public AlertPolicy {
        Preconditions.checkArgument(
                minDropPercent > 0 && minDropPercent < 100,
                "minDropPercent must be between 0 and 100 (exclusive), got %s",
                minDropPercent);
        Preconditions.checkArgument(
                minDropAmount > 0, "minDropAmount must be positive, got %s", minDropAmount);
        Preconditions.checkArgument(memoryMillis > 0, "the alert memory must be positive");
    }

    /** Whether going from {@code alerted} to {@code now} is a drop worth a new alert. */
    public boolean isRealDrop(long alerted, long now) {
        long drop = alerted - now;
        return drop > 0 && (drop >= minDropAmount || 100.0 * drop / alerted >= minDropPercent);
    }
}
