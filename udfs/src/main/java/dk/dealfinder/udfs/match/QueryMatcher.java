package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs each embedded listing with every saved query whose static filters it passes; every match
 * carries the listing's one vector. Saved queries arrive as broadcast snapshots; each snapshot
 * replaces the previous set, so deletions and pauses take effect as soon as the next snapshot is
 * read. Each query's {@link StaticFilter} (with its parsed keyword expression) is built once per
 * snapshot and kept in a transient cache, rebuilt after a restore.
 *
 * <p>A listing that passes every filter of a query except its price range is still emitted, marked
 * {@link QueryMatch#priceInRange()} false. Dropping it here would bias the query's market estimate
 * low (an item priced above the user's limit is still part of its market). Downstream it costs
 * little: the classifier judges it with the local model only, never a paid one, and the {@code
 * MarketPricer} counts its price and drops it before scoring, so it is never scored or alerted.
 *
 * <p>Listings that arrive before the very first snapshot are held (in checkpointed operator state)
 * and matched when it arrives: at a fresh start the two inputs race, and a listing must not be lost
 * because the saved queries were read a moment later.
 */
public class QueryMatcher
        extends BroadcastProcessFunction<EmbeddedListing, SavedQuerySnapshot, QueryMatch>
        implements CheckpointedFunction {

    private static final Logger LOG = LoggerFactory.getLogger(QueryMatcher.class);

    public static final MapStateDescriptor<String, SavedQuery> QUERIES =
            new MapStateDescriptor<>("saved-queries", Types.STRING, Types.POJO(SavedQuery.class));

    private final List<EmbeddedListing> early = new ArrayList<>();
    private boolean snapshotSeen;
    private transient ListState<EmbeddedListing> earlyState;
    private transient Map<String, StaticFilter> filters;
    private transient Counter matches;
    private transient Counter outOfPriceRange;
    private transient Counter unmatched;

    @Override
    public void open(OpenContext openContext) {
        filters = new HashMap<>();
        matches = getRuntimeContext().getMetricGroup().counter("queryMatches");
        outOfPriceRange =
                getRuntimeContext().getMetricGroup().counter("queryMatchesOutOfPriceRange");
        unmatched = getRuntimeContext().getMetricGroup().counter("listingsUnmatched");
        getRuntimeContext().getMetricGroup().gauge("listingsAwaitingQueries", early::size);
    }

    @Override
    public void processElement(
            EmbeddedListing listing, ReadOnlyContext ctx, Collector<QueryMatch> out)
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
        filters.clear();
        snapshotSeen = true;
        for (EmbeddedListing listing : early) {
            match(listing, state.immutableEntries(), out);
        }
        early.clear();
    }

    private void match(
            EmbeddedListing listing,
            Iterable<Map.Entry<String, SavedQuery>> queries,
            Collector<QueryMatch> out) {
        boolean any = false;
        for (Map.Entry<String, SavedQuery> e : queries) {
            switch (filterOf(e.getValue()).check(listing.listing())) {
                case ACCEPTED -> {
                    out.collect(new QueryMatch(listing, e.getValue(), true));
                    matches.inc();
                    any = true;
                }
                case PRICE_OUT_OF_RANGE -> {
                    out.collect(new QueryMatch(listing, e.getValue(), false));
                    outOfPriceRange.inc();
                }
                case REJECTED -> {}
            }
        }
        if (!any) {
            unmatched.inc();
        }
    }

    /**
     * The query's filter, built on its first use after a snapshot (or a restore): the queries only
     * change with a snapshot, which clears the cache.
     */
    private StaticFilter filterOf(SavedQuery q) {
        StaticFilter filter = filters.get(q.id());
        if (filter == null) {
            filter = StaticFilter.of(q);
            if (filter.expressionInvalid()) {
                LOG.warn(
                        "Saved query {} has a keyword expression that does not parse and matches"
                                + " nothing: {}",
                        q.id(),
                        q.keywordExpression());
            }
            filters.put(q.id(), filter);
        }
        return filter;
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
                                        "embedded-listings-awaiting-queries",
                                        EmbeddedListing.class));
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
