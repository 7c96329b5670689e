package dk.dealfinder.udfs.dedup;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.RepostLink;
import dk.dealfinder.udfs.rank.AlertPolicy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by listing key, gathers the verdicts of all bands of a new listing. When the last arrives,
 * a listing no band matched goes on as NEW. One that matched is linked to the earliest original
 * found ({@link #LINKS}) and, being the same item, is no new deal: it goes no further, unless it
 * asks less than the item was ever offered at (by the original, its own later drops or an earlier
 * repost) by a real margin ({@link AlertPolicy#isRealDrop}). Such a repost goes on as a PRICE_DROP
 * of the item from that lowest earlier price, so it is judged, and its explanation told, like a
 * price drop. A later version (a known listing's own price drop) only told the bands its lower
 * price; it goes on through change detection, not from here.
 */
public class RepostResolver extends KeyedProcessFunction<String, BandVerdict, ListingChange> {

    public static final OutputTag<RepostLink> LINKS = new OutputTag<>("repost-links") {};

    private final RepostBands bands;
    private final AlertPolicy drops;
    private transient ValueState<BandVerdict> best;
    private transient ValueState<Integer> received;
    private transient Counter reposts;
    private transient Counter cheaperReposts;

    /**
     * @param drops the margins by which a repost must undercut the item's lowest earlier price to
     *     count as a price drop
     */
    public RepostResolver(RepostBands bands, AlertPolicy drops) {
        this.bands = bands;
        this.drops = drops;
    }

    @Override
    public void open(OpenContext openContext) {
        best =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("best-verdict", BandVerdict.class));
        received =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("verdicts-received", Integer.class));
        reposts = getRuntimeContext().getMetricGroup().counter("listingsReposted");
        cheaperReposts = getRuntimeContext().getMetricGroup().counter("listingsRepostedCheaper");
    }

    @Override
    public void processElement(BandVerdict verdict, Context ctx, Collector<ListingChange> out)
            throws Exception {
        BandVerdict current = merge(best.value(), verdict);
        int count = (received.value() == null ? 0 : received.value()) + 1;
        if (count < bands.verdictsFor(verdict.fingerprinted())) {
            best.update(current);
            received.update(count);
            return;
        }
        best.clear();
        received.clear();
        Listing listing = current.fingerprinted().listing();
        if (listing.version() > 1) {
            return;
        }
        if (current.originalKey() == null) {
            out.collect(new ListingChange(listing, ChangeKind.NEW, null, listing.fetchedAt()));
            return;
        }
        reposts.inc();
        ctx.output(
                LINKS,
                new RepostLink(
                        listing.listingKey(),
                        current.originalKey(),
                        current.distance(),
                        listing.fetchedAt()));
        Long before = current.lowestEarlierPrice();
        if (before != null
                && listing.price() != null
                && drops.isRealDrop(before, listing.price())) {
            cheaperReposts.inc();
            out.collect(
                    new ListingChange(listing, ChangeKind.PRICE_DROP, before, listing.fetchedAt()));
        }
    }

    /**
     * The earliest original either verdict found, with the lowest earlier price of both (each band
     * sees only the listings that share it).
     */
    private static BandVerdict merge(BandVerdict gathered, BandVerdict verdict) {
        if (gathered == null) {
            return verdict;
        }
        BandVerdict earliest =
                gathered.originalKey() == null
                                || (verdict.originalKey() != null
                                        && verdict.originalSeenAt() < gathered.originalSeenAt())
                        ? verdict
                        : gathered;
        return new BandVerdict(
                earliest.fingerprinted(),
                earliest.originalKey(),
                earliest.distance(),
                earliest.originalSeenAt(),
                BandVerdict.lower(gathered.lowestEarlierPrice(), verdict.lowestEarlierPrice()));
    }
}
