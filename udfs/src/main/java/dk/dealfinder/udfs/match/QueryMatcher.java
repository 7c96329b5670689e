package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs each listing with every saved query whose static filters it passes. Saved queries arrive as
 * broadcast snapshots; each snapshot replaces the previous set, so deletions and pauses take effect
 * as soon as the next snapshot is read.
 */
public class QueryMatcher
        extends BroadcastProcessFunction<Listing, SavedQuerySnapshot, QueryMatch> {

    public static final MapStateDescriptor<String, SavedQuery> QUERIES =
            new MapStateDescriptor<>("saved-queries", Types.STRING, Types.POJO(SavedQuery.class));

    private transient Counter matches;
    private transient Counter unmatched;

    @Override
    public void open(OpenContext openContext) {
        matches = getRuntimeContext().getMetricGroup().counter("queryMatches");
        unmatched = getRuntimeContext().getMetricGroup().counter("listingsUnmatched");
    }

    @Override
    public void processElement(Listing listing, ReadOnlyContext ctx, Collector<QueryMatch> out)
            throws Exception {
        boolean any = false;
        for (Map.Entry<String, SavedQuery> e : ctx.getBroadcastState(QUERIES).immutableEntries()) {
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
    }
}
