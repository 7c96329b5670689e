package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs each listing with every saved query whose static filters it passes. Saved queries arrive as
 * broadcast snapshots; each snapshot replaces the previous set, so deletions and pauses take effect
 * as soon as the next snapshot is read.
 *
 * <p>Listings that arrive before the very first snapshot are held (in checkpointed operator state)
 * and matched when it arrives: at a fresh start the two inputs race, and a listing must not be lost
 * because the saved queries were read a moment later.
 */
public class QueryMatcher extends BroadcastProcessFunction<Listing, SavedQuerySnapshot, QueryMatch>
        implements CheckpointedFunction {

    public static final MapStateDescriptor<String, SavedQuery> QUERIES =
            new MapStateDescriptor<>("saved-queries", Types.STRING, Types.POJO(SavedQuery.class));

    private final List<Listing> early = new ArrayList<>();
    private boolean snapshotSeen;
    private transient ListState<Listing> earlyState;
    private transient Counter matches;
    private transient Counter unmatched;

    @Override
    public void open(OpenContext openContext) {
        matches = getRuntimeContext().getMetricGroup().counter("queryMatches");
        unmatched = getRuntimeContext().getMetricGroup().counter("listingsUnmatched");
        getRuntimeContext().getMetricGroup().gauge("listingsAwaitingQueries", early::size);
    }

    @Override
    public void processElement(Listing listing, ReadOnlyContext ctx, Collector<QueryMatch> out)
            throws Exception {
        if (!snapshotSeen) {
            early.add(listing);
            return;
        }
        match(listing, ctx.getBroadcastState(QUERIES).immutableEntries(), out);
    }

    @Override
    public void processBroadcastElement(
            SavedQuerySnapshot snapshot, Context ctx, Collector<QueryMatch> out) throws Exception {
        BroadcastState<String, SavedQuery> state = ctx.getBroadcastState(QUERIES);
        Set<String> current = new HashSet<>();
        for (SavedQuery q : snapshot.queries()) {
            current.add(q.id());
            state.put(q.id(), q);
        }
        Set<String> stale = new HashSet<>();
        for (Map.Entry<String, SavedQuery> e : state.entries()) {
            if (!current.contains(e.getKey())) {
                stale.add(e.getKey());
            }
        }
        for (String id : stale) {
            state.remove(id);
        }
        snapshotSeen = true;
        for (Listing listing : early) {
            match(listing, state.immutableEntries(), out);
        }
        early.clear();
    }

    private void match(
            Listing listing,
            Iterable<Map.Entry<String, SavedQuery>> queries,
            Collector<QueryMatch> out) {
        boolean any = false;
        for (Map.Entry<String, SavedQuery> e : queries) {
            if (StaticFilter.accepts(e.getValue(), listing)) {
                out.collect(new QueryMatch(listing, e.getValue()));
                matches.inc();
                any = true;
            }
        }
        if (!any) {
            unmatched.inc();
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        earlyState.update(early);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        earlyState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "listings-awaiting-queries", Listing.class));
        earlyState.get().forEach(early::add);
        // A restored operator has its saved queries back in broadcast state; only an operator
        // that has never received a snapshot waits for one.
        snapshotSeen =
                context.getOperatorStateStore()
                        .getBroadcastState(QUERIES)
                        .entries()
                        .iterator()
                        .hasNext();
    }
}
