package dk.dealfinder.udfs.dedup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Fans a fingerprinted listing out to the bands of its image hash (see {@link HashBands}). */
public class RepostBands implements FlatMapFunction<FingerprintedListing, BandedListing> {

    private final HashBands bands;

    public RepostBands(HashBands bands) {
        this.bands = bands;
    }

    @Override
    public void flatMap(FingerprintedListing f, Collector<BandedListing> out) {
        if (!f.hasImageHash()) {
            out.collect(new BandedListing("none:" + f.listing().listingKey(), f));
            return;
        }
        for (int band = 0; band < bands.count(); band++) {
            out.collect(new BandedListing(bands.key(f.imageHash(), band), f));
        }
    }

    /** How many verdicts a listing gets: one per band, or one when it has no hash. */
    public int verdictsFor(FingerprintedListing f) {
        return f.hasImageHash() ? bands.count() : 1;
    }
}
