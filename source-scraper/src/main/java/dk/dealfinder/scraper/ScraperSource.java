package dk.dealfinder.scraper;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.enumerator.ScraperEnumState;
import dk.dealfinder.scraper.enumerator.ScraperEnumStateSerializer;
import dk.dealfinder.scraper.enumerator.ScraperSourceEnumerator;
import dk.dealfinder.scraper.reader.DeadLetterOutput;
import dk.dealfinder.scraper.reader.ScraperSettings;
import dk.dealfinder.scraper.reader.ScraperSourceReader;
import dk.dealfinder.scraper.reader.SearchSplitReader;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded FLIP-27 source that polls marketplace searches, one split per (site, saved query).
 * Build it with {@link #builder()}.
 */
public final class ScraperSource implements Source<RawListing, SearchSplit, ScraperEnumState> {

    private static final long serialVersionUID = 1L;

    private final Map<String, RecommerceAdapter> adapters;
    private final SavedQueryStore queries;
    private final ScraperSettings settings;
    private final Duration queryRefreshInterval;
    private final DeadLetterOutput deadLetters;

    ScraperSource(
            Map<String, RecommerceAdapter> adapters,
            SavedQueryStore queries,
            ScraperSettings settings,
            Duration queryRefreshInterval,
            DeadLetterOutput deadLetters) {
        this.adapters = Map.copyOf(adapters);
        this.queries = queries;
        this.settings = settings;
        this.queryRefreshInterval = queryRefreshInterval;
        this.deadLetters = deadLetters;
    }

    public static ScraperSourceBuilder builder() {
        return new ScraperSourceBuilder();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<RawListing, SearchSplit> createReader(SourceReaderContext context) {
        return new ScraperSourceReader(
                () ->
                        new SearchSplitReader(
                                adapters,
                                settings,
                                deadLetters,
                                context.metricGroup(),
                                Clock.systemUTC()),
                new Configuration(),
                context);
    }

    @Override
    public SplitEnumerator<SearchSplit, ScraperEnumState> createEnumerator(
            SplitEnumeratorContext<SearchSplit> context) {
        return restoreEnumerator(context, ScraperEnumState.empty());
    }

    @Override
    public SplitEnumerator<SearchSplit, ScraperEnumState> restoreEnumerator(
            SplitEnumeratorContext<SearchSplit> context, ScraperEnumState state) {
        return new ScraperSourceEnumerator(
                context, queries, adapters.keySet(), queryRefreshInterval.toMillis(), state);
    }

    @Override
    public SimpleVersionedSerializer<SearchSplit> getSplitSerializer() {
        return SearchSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<ScraperEnumState> getEnumeratorCheckpointSerializer() {
        return new ScraperEnumStateSerializer();
    }
}
