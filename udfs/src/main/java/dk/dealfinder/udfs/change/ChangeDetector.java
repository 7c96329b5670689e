package dk.dealfinder.udfs.change;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.ListingSignal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listing key, remembers the last version of each listing and turns observations into real
 * changes: NEW, PRICE_DROP, PRICE_RISE, UPDATED, REMOVED and RELISTED, each a new version.
 * Re-scrapes of an unchanged listing, observations older than the last one (a replayed or delayed
 * page) and gone signals for unknown or already removed listings produce nothing.
 *
 * <p>State expires {@code stateTtl} after the last write, so a listing unseen for that long is new
 * again if it comes back.
 */
public class ChangeDetector extends KeyedProcessFunction<String, ListingSignal, ListingChange> {

    private final Duration stateTtl;
    private transient ValueState<ListingState> state;
    private transient Map<ChangeKind, Counter> changes;
    private transient Counter unchanged;
    private transient Counter stale;

    /**
     * @param stateTtl how long a listing is remembered after its last change or sighting
     */
    public ChangeDetector(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<ListingState> descriptor =
                new ValueStateDescriptor<>("listing-state", ListingState.class);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(stateTtl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        state = getRuntimeContext().getState(descriptor);
        var metrics = getRuntimeContext().getMetricGroup();
        changes = new EnumMap<>(ChangeKind.class);
        changes.put(ChangeKind.NEW, metrics.counter("listingsNew"));
        changes.put(ChangeKind.PRICE_DROP, metrics.counter("listingsPriceDropped"));
        changes.put(ChangeKind.PRICE_RISE, metrics.counter("listingsPriceRaised"));
        changes.put(ChangeKind.UPDATED, metrics.counter("listingsUpdated"));
        changes.put(ChangeKind.REMOVED, metrics.counter("listingsRemoved"));
        changes.put(ChangeKind.RELISTED, metrics.counter("listingsRelisted"));
        unchanged = metrics.counter("listingsUnchanged");
        stale = metrics.counter("listingsStaleObservations");
    }

    @Override
    public void processElement(ListingSignal signal, Context ctx, Collector<ListingChange> out)
            throws Exception {
        ListingState previous = state.value();
        if (previous != null && signal.observedAt() < previous.lastObservedAt()) {
            stale.inc();
            return;
        }
        ListingChange change = ChangeRules.compare(previous, signal);
        if (change == null) {
            unchanged.inc();
            if (previous != null && !signal.isGone()) {
                state.update(previous.observedAgainAt(signal.observedAt()));
            }
            return;
        }
        state.update(
                new ListingState(change.listing(), !change.kind().live(), signal.observedAt()));
        changes.get(change.kind()).inc();
        out.collect(change);
    }

    /**
     * What is remembered per listing.
     *
     * @param last the last version emitted
     * @param removed whether the last change was a removal
     * @param lastObservedAt epoch millis of the latest observation, to ignore older ones
     */
    public record ListingState(Listing last, boolean removed, long lastObservedAt) {

        ListingState observedAgainAt(long at) {
            return new ListingState(last, removed, at);
        }
    }
}
