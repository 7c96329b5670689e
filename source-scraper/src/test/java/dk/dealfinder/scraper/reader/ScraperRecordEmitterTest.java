package dk.dealfinder.scraper.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.junit.jupiter.api.Test;

class ScraperRecordEmitterTest {

    /** Collects what the emitter hands Flink, with the event time of each record. */
    private static final class CollectingOutput implements SourceOutput<RawListing> {
        final List<RawListing> records = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();

        @Override
        public void collect(RawListing record) {
            throw new AssertionError("every record must carry an event time");
        }

        @Override
        public void collect(RawListing record, long timestamp) {
            records.add(record);
            timestamps.add(timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    private static RawListing sighting(String adId, String published) {
        return new RawListing(
                "dba.dk",
                adId,
                "https://x/" + adId,
                "iPhone",
                "",
                "1000",
                "DKK",
                "",
                published,
                List.of(),
                "",
                5_000L);
    }

    @Test
    void aSightingMovesTheCursorAndAGoneRecordMakesItForgetTheAd() {
        ScraperRecordEmitter emitter = new ScraperRecordEmitter();
        SearchSplitState cursor = new SearchSplitState(SearchSplit.fresh("dba.dk", "q", "iPhone"));
        CollectingOutput out = new CollectingOutput();

        emitter.emitRecord(sighting("1", "1763733120000"), out, cursor);
        assertThat(cursor.hasEmitted("1")).isTrue();
        assertThat(cursor.toSplit().newestPublishedAt()).isEqualTo(1763733120000L);

        emitter.emitRecord(
                RawListing.gone("dba.dk", "1", "https://x/1", "404", 9_000L), out, cursor);

        assertThat(cursor.hasEmitted("1")).as("a relist would be emitted again").isFalse();
        assertThat(cursor.toSplit().newestPublishedAt())
                .as("a gone record says nothing about publish times")
                .isEqualTo(1763733120000L);
        assertThat(out.timestamps).containsExactly(1763733120000L, 9_000L);
        assertThat(out.records.get(1).reportsGone()).isTrue();
    }
}
