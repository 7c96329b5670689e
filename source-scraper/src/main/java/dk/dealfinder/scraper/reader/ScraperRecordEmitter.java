package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.split.SearchSplitState;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits a scraped listing with its publish time as event time and advances the split's cursor in
 * the same step, so checkpointed state and emitted records never disagree. A gone record is stamped
 * with its observation time and makes the cursor forget the ad, so a relisted ad is emitted again.
 */
public class ScraperRecordEmitter
        implements RecordEmitter<RawListing, RawListing, SearchSplitState> {

    @Override
    public void emitRecord(
            RawListing listing, SourceOutput<RawListing> output, SearchSplitState split) {
        if (listing.reportsGone()) {
            output.collect(listing, listing.fetchedAt());
            split.forget(listing.adId());
            return;
        }
        long eventTime = eventTime(listing);
        output.collect(listing, eventTime);
        split.emitted(listing.adId(), SearchSplitState.fingerprint(listing), eventTime);
    }

    /**
     * The API gives epoch millis; anything else is left to the normalizer and stamped fetch time.
     */
    static long eventTime(RawListing listing) {
        String published = listing.publishedText();
        if (published != null && published.matches("\\d{12,14}")) {
            return Long.parseLong(published);
        }
        return listing.fetchedAt();
    }
}
