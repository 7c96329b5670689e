package dk.dealfinder.udfs.dedup;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.RepostLink;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by listing key, gathers the verdicts of all bands of a listing. When the last arrives, a
 * listing no band matched goes on as a new listing; one that matched is linked to the earliest
 * original found ({@link #LINKS}) and goes no further: a repost is not a new deal.
 */
public class RepostResolver extends KeyedProcessFunction<String, BandVerdict, Listing> {

    public static final OutputTag<RepostLink> LINKS = new OutputTag<>("repost-links") {};

    private final RepostBands bands;
    private transient ValueState<BandVerdict> best;
    private transient ValueState<Integer> received;
    private transient Counter reposts;

    public RepostResolver(RepostBands bands) {
        this.bands = bands;
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
    }

    @Override
    public void processElement(BandVerdict verdict, Context ctx, Collector<Listing> out)
            throws Exception {
        BandVerdict current = best.value();
        if (current == null
                || current.originalKey() == null
                || (verdict.originalKey() != null
                        && verdict.originalSeenAt() < current.originalSeenAt())) {
            current = verdict;
        }
        int count = (received.value() == null ? 0 : received.value()) + 1;
        if (count < bands.verdictsFor(verdict.fingerprinted())) {
            best.update(current);
            received.update(count);
            return;
        }
        best.clear();
        received.clear();
        Listing listing = current.fingerprinted().listing();
        if (current.originalKey() == null) {
            out.collect(listing);
        } else {
            reposts.inc();
            ctx.output(
                    LINKS,
                    new RepostLink(
                            listing.listingKey(),
                            current.originalKey(),
                            current.distance(),
                            listing.fetchedAt()));
        }
    }
}
