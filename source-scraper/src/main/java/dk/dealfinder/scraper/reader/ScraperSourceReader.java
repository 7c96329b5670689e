package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** Runs one {@link SearchSplitReader} per subtask and keeps each split's cursor as its state. */
public class ScraperSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                RawListing, RawListing, SearchSplit, SearchSplitState> {

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
    protected void onSplitFinished(Map<String, SearchSplitState> finishedSplitIds) {
        // Feeds are unbounded; a finished feed means its query was retired.
    }

    @Override
    protected SearchSplitState initializedState(SearchSplit split) {
        return new SearchSplitState(split);
    }

    @Override
    protected SearchSplit toSplitType(String splitId, SearchSplitState state) {
        return state.toSplit();
    }
}
