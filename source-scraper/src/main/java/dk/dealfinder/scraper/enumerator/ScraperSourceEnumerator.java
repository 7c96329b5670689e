package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.split.SearchSplit;
import java.util.HashMap;
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
 * Reads the active saved queries on an interval, hands each new (site, query) feed to a reader,
 * tells readers when a query's terms changed, and retires the feeds of deleted or paused queries. A
 * new feed always goes to the same reader index, so re-assignment after a failure is stable. Term
 * changes and retirements go to every reader, each acting on the feeds it holds: after a restore at
 * another parallelism, Flink deals the restored feeds out anew, so the enumerator cannot know which
 * reader holds which.
 */
public class ScraperSourceEnumerator implements SplitEnumerator<SearchSplit, ScraperEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(ScraperSourceEnumerator.class);

    private final SplitEnumeratorContext<SearchSplit> context;
    private final SavedQueryStore queries;
    private final Set<String> sites;
    private final long refreshMillis;
    private final Map<String, SearchSplit> unassigned = new LinkedHashMap<>();
    private final Map<String, String> assignedTerms = new HashMap<>();
    private final Set<String> retired = new HashSet<>();

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
        assignedTerms.putAll(restored.assignedTerms());
        retired.addAll(restored.retired());
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
        Map<String, SavedQuery> wanted = new LinkedHashMap<>();
        for (SavedQuery q : active) {
            if (sites.contains(q.site())) {
                wanted.put(SearchSplit.idOf(q.site(), q.id()), q);
            } else {
                LOG.warn(
                        "Saved query {} names site {} which is not configured; skipped",
                        q.id(),
                        q.site());
            }
        }
        wanted.forEach(this::addOrUpdate);
        unassigned.keySet().removeIf(id -> !wanted.containsKey(id));
        Map<String, String> termChanges = new HashMap<>();
        Set<String> retirements = new HashSet<>();
        assignedTerms.forEach(
                (id, terms) -> {
                    SavedQuery q = wanted.get(id);
                    if (q == null) {
                        retirements.add(id);
                    } else if (!q.terms().equals(terms)) {
                        termChanges.put(id, q.terms());
                    }
                });
        FeedChangesEvent event = new FeedChangesEvent(termChanges, retirements);
        if (!event.isEmpty()) {
            // A reader not registered now hears the whole current state when it registers.
            context.registeredReaders().keySet().forEach(r -> send(r, event));
            assignedTerms.putAll(termChanges);
            assignedTerms.keySet().removeAll(retirements);
            retired.addAll(retirements);
            retirements.forEach(id -> LOG.info("Feed {} retired", id));
        }
        assignUnassigned();
    }

    private void addOrUpdate(String id, SavedQuery q) {
        if (assignedTerms.containsKey(id)) {
            return;
        }
        SearchSplit waiting = unassigned.get(id);
        if (waiting == null) {
            LOG.info("New search feed {} for terms '{}'", id, q.terms());
            retired.remove(id);
            unassigned.put(id, SearchSplit.fresh(q.site(), q.id(), q.terms()));
        } else if (!waiting.terms().equals(q.terms())) {
            unassigned.put(id, waiting.withTerms(q.terms()));
        }
    }

    private void send(int reader, FeedChangesEvent event) {
        if (!event.isEmpty()) {
            context.sendEventToSourceReader(reader, event);
        }
    }

    private int ownerOf(String splitId) {
        return Math.floorMod(splitId.hashCode(), context.currentParallelism());
    }

    private void assignUnassigned() {
        var it = unassigned.values().iterator();
        while (it.hasNext()) {
            SearchSplit split = it.next();
            int owner = ownerOf(split.splitId());
            if (context.registeredReaders().containsKey(owner)) {
                context.assignSplit(split, owner);
                assignedTerms.put(split.splitId(), split.terms());
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
            assignedTerms.remove(split.splitId());
            unassigned.put(split.splitId(), split);
        }
    }

    /**
     * A reader (re)joined. It may have restored any feeds (after a rescale, not only its own) from
     * a checkpoint older than our last changes, so it is told the current terms of every feed and
     * which feeds are retired.
     */
    @Override
    public void addReader(int subtaskId) {
        send(subtaskId, new FeedChangesEvent(Map.copyOf(assignedTerms), Set.copyOf(retired)));
        assignUnassigned();
    }

    @Override
    public ScraperEnumState snapshotState(long checkpointId) {
        return new ScraperEnumState(List.copyOf(unassigned.values()), assignedTerms, retired);
    }

    @Override
    public void close() {}
}
