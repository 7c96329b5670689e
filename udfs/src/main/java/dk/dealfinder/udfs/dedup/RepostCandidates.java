package dk.dealfinder.udfs.dedup;

import dk.dealfinder.core.model.Listing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by one band of the image hash, remembers the listings seen in that band within the window
 * and compares each new listing with them: the earliest one whose image is at most {@code
 * maxDistance} bits away and whose postcode does not contradict the new one's is its original. The
 * postcode check keeps two sellers using the same stock photo apart. The lowest price any of the
 * near-enough listings asked comes along, so a repost can be told cheaper than the item ever was;
 * for that, a later version of a listing (its own price drop) only lowers the price remembered for
 * it and is compared with nothing.
 */
public class RepostCandidates extends KeyedProcessFunction<String, BandedListing, BandVerdict> {

    private final int maxDistance;
    private final Duration window;
    private transient MapState<String, SeenImage> seen;

    /**
     * @param maxDistance largest Hamming distance between near-duplicate image hashes
     * @param window how long a listing can be the original of a later one
     */
    public RepostCandidates(int maxDistance, Duration window) {
        this.maxDistance = maxDistance;
        this.window = window;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, SeenImage> descriptor =
                new MapStateDescriptor<>(
                        "seen-images", Types.STRING, TypeInformation.of(SeenImage.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(window).build());
        seen = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(BandedListing banded, Context ctx, Collector<BandVerdict> out)
            throws Exception {
        FingerprintedListing f = banded.fingerprinted();
        Listing l = f.listing();
        if (!f.hasImageHash()) {
            out.collect(BandVerdict.unmatched(f));
            return;
        }
        if (l.version() > 1) {
            SeenImage known = seen.get(l.listingKey());
            if (known != null) {
                seen.put(l.listingKey(), known.askingAtMost(l.price()));
            }
            out.collect(BandVerdict.unmatched(f));
            return;
        }
        long oldest = l.fetchedAt() - window.toMillis();
        List<String> expired = new ArrayList<>();
        SeenImage best = null;
        String bestKey = null;
        Long lowestPrice = null;
        for (Map.Entry<String, SeenImage> e : seen.entries()) {
            SeenImage s = e.getValue();
            if (s.seenAt() < oldest) {
                expired.add(e.getKey());
            } else if (!e.getKey().equals(l.listingKey())
                    && s.seenAt() <= l.fetchedAt()
                    && DifferenceHash.distance(s.hash(), f.imageHash()) <= maxDistance
                    && postcodesAgree(s.postcode(), l.postcode())) {
                lowestPrice = BandVerdict.lower(lowestPrice, s.price());
                if (best == null || s.seenAt() < best.seenAt()) {
                    best = s;
                    bestKey = e.getKey();
                }
            }
        }
        for (String key : expired) {
            seen.remove(key);
        }
        if (!seen.contains(l.listingKey())) {
            seen.put(
                    l.listingKey(),
                    new SeenImage(f.imageHash(), l.postcode(), l.price(), l.fetchedAt()));
        }
        out.collect(
                best == null
                        ? BandVerdict.unmatched(f)
                        : new BandVerdict(
                                f,
                                bestKey,
                                DifferenceHash.distance(best.hash(), f.imageHash()),
                                best.seenAt(),
                                lowestPrice));
    }

    private static boolean postcodesAgree(String a, String b) {
        return a == null || b == null || Objects.equals(a, b);
    }

    /**
     * A listing remembered in one band.
     *
     * @param price what it asked when first seen, null when it stated no price
     */
    public record SeenImage(long hash, String postcode, Long price, long seenAt) {

        /** This listing remembered with {@code newPrice} when that is lower. */
        SeenImage askingAtMost(Long newPrice) {
            return new SeenImage(hash, postcode, BandVerdict.lower(price, newPrice), seenAt);
        }
    }
}
