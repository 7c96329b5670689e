package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.enumerator.FeedChangesEvent;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SearchSplitReader} per subtask and keeps each split's cursor as its state. The
 * enumerator's {@link FeedChangesEvent}s retire feeds (removed from the split reader, which then
 * reports them finished) and change a feed's terms (the cursor is kept).
 */
public class ScraperSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                RawListing, RawListing, SearchSplit, SearchSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(ScraperSourceReader.class);

    /** The live state of each split this reader holds; touched only on the task thread. */
    private final Map<String, SearchSplitState> states = new HashMap<>();

    public ScraperSourceReader(
            Supplier<SplitReader<RawListing, SearchSplit>> splitReaderSupplier,
            Configuration config,
            SourceReaderContext context) {
        super(splitReaderSupplier, new ScraperRecordEmitter(), config, context);
    }

    @Override
    public void start() {
        // Ask once so the enumerator knows this reader is idle; feeds are pushed to it afterwards.
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (!(event instanceof FeedChangesEvent changes)) {
            super.handleSourceEvents(event);
            return;
        }
        for (String id : changes.retired()) {
            SearchSplitState state = states.get(id);
            if (state != null) {
                splitFetcherManager.removeSplits(List.of(state.toSplit()));
            }
        }
        changes.newTerms()
                .forEach(
                        (id, terms) -> {
                            SearchSplitState state = states.get(id);
                            if (state != null && !state.terms().equals(terms)) {
                                LOG.info("Feed {} changes its terms to '{}'", id, terms);
                                state.changeTerms(terms);
                                splitFetcherManager.addSplits(List.of(state.toSplit()));
                            }
                        });
    }

    @Override
    protected void onSplitFinished(Map<String, SearchSplitState> finishedSplitIds) {
        // Feeds are unbounded; a finished feed is one whose query was retired.
        states.keySet().removeAll(finishedSplitIds.keySet());
    }

    @Override
    protected SearchSplitState initializedState(SearchSplit split) {
        SearchSplitState state = new SearchSplitState(split);
        states.put(split.splitId(), state);
        return state;
    }

    @Override
    protected SearchSplit toSplitType(String splitId, SearchSplitState state) {
        return state.toSplit();
    }
}
