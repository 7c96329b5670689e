package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.split.SearchSplit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the active saved queries on an interval and hands each new (site, query) feed to a reader.
 * A feed always goes to the same reader index, so re-assignment after a failure is stable.
 */
public class ScraperSourceEnumerator implements SplitEnumerator<SearchSplit, ScraperEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(ScraperSourceEnumerator.class);

    private final SplitEnumeratorContext<SearchSplit> context;
    private final SavedQueryStore queries;
    private final Set<String> sites;
    private final long refreshMillis;
    private final Map<String, SearchSplit> unassigned = new LinkedHashMap<>();
    private final Set<String> assigned = new HashSet<>();

    public ScraperSourceEnumerator(
            SplitEnumeratorContext<SearchSplit> context,
            SavedQueryStore queries,
            Set<String> sites,
            long refreshMillis,
            ScraperEnumState restored) {
        this.context = context;
        this.queries = queries;
        this.sites = Set.copyOf(sites);
        this.refreshMillis = refreshMillis;
        restored.unassigned().forEach(s -> unassigned.put(s.splitId(), s));
        assigned.addAll(restored.assignedSplitIds());
    }

    @Override
    public void start() {
        context.callAsync(queries::activeQueries, this::onQueries, 0, refreshMillis);
    }

    private void onQueries(List<SavedQuery> active, Throwable error) {
        if (error != null) {
            LOG.warn(
                    "Could not read saved queries; keeping the current feeds: {}",
                    error.toString());
            return;
        }
        for (SavedQuery q : active) {
            if (!sites.contains(q.site())) {
                LOG.warn(
                        "Saved query {} names site {} which is not configured; skipped",
                        q.id(),
                        q.site());
                continue;
            }
            String id = SearchSplit.idOf(q.site(), q.id());
            if (!assigned.contains(id) && !unassigned.containsKey(id)) {
                LOG.info("New search feed {} for terms '{}'", id, q.terms());
                unassigned.put(id, SearchSplit.fresh(q.site(), q.id(), q.terms()));
            }
        }
        assignUnassigned();
    }

    private void assignUnassigned() {
        int parallelism = context.currentParallelism();
        var it = unassigned.values().iterator();
        while (it.hasNext()) {
            SearchSplit split = it.next();
            int owner = Math.floorMod(split.splitId().hashCode(), parallelism);
            if (context.registeredReaders().containsKey(owner)) {
                context.assignSplit(split, owner);
                assigned.add(split.splitId());
                it.remove();
            }
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed when queries appear; readers never ask.
    }

    @Override
    public void addSplitsBack(List<SearchSplit> splits, int subtaskId) {
        for (SearchSplit split : splits) {
            assigned.remove(split.splitId());
            unassigned.put(split.splitId(), split);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignUnassigned();
    }

    @Override
    public ScraperEnumState snapshotState(long checkpointId) {
        return new ScraperEnumState(List.copyOf(unassigned.values()), Set.copyOf(assigned));
    }

    @Override
    public void close() {}
}
