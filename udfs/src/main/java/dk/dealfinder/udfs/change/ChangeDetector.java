package dk.dealfinder.udfs.change;

import dk.dealfinder.core.model.Listing;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listing key, remembers each listing's content so that re-scrapes of an unchanged listing
 * produce nothing. Emits a listing the first time it is seen, stamped version 1. (Price drops,
 * edits and removals become their own change kinds in a later stage of this function.)
 */
public class ChangeDetector extends KeyedProcessFunction<String, Listing, Listing> {

    private final Duration stateTtl;
    private transient ValueState<SeenListing> seen;
    private transient Counter newListings;
    private transient Counter unchanged;

    /**
     * @param stateTtl how long a listing is remembered after it was last seen
     */
    public ChangeDetector(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<SeenListing> descriptor =
                new ValueStateDescriptor<>("seen-listing", SeenListing.class);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(stateTtl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        newListings = getRuntimeContext().getMetricGroup().counter("listingsNew");
        unchanged = getRuntimeContext().getMetricGroup().counter("listingsUnchanged");
    }

    @Override
    public void processElement(Listing listing, Context ctx, Collector<Listing> out)
            throws Exception {
        SeenListing previous = seen.value();
        if (previous == null) {
            seen.update(new SeenListing(contentHash(listing), 1, listing.fetchedAt()));
            newListings.inc();
            out.collect(withVersion(listing, 1));
        } else {
            unchanged.inc();
            seen.update(
                    new SeenListing(
                            previous.contentHash(), previous.version(), listing.fetchedAt()));
        }
    }

    static long contentHash(Listing l) {
        return Objects.hash(l.title(), l.description(), l.price(), l.imageUrls());
    }

    static Listing withVersion(Listing l, int version) {
        return new Listing(
                l.listingKey(),
                l.site(),
                l.adId(),
                l.url(),
                l.title(),
                l.description(),
                l.price(),
                l.currency(),
                l.location(),
                l.postcode(),
                l.imageUrls(),
                l.publishedAt(),
                l.fetchedAt(),
                version);
    }

    /** What is remembered per listing: its content hash, version and when it was last scraped. */
    public record SeenListing(long contentHash, int version, long lastSeenAt) {}
}
