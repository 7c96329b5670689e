package dk.dealfinder.alertserver.listings;

import java.util.List;

/**
 * One saved query's digest for one window: its best deals of that hour or day, rank 1 first.
 *
 * @param windowStart epoch millis, inclusive
 * @param windowEnd epoch millis, exclusive
 */
public record DigestView(
        String queryId, String queryName, long windowStart, long windowEnd, List<Entry> entries) {

    /** One deal in a digest (title untrusted: escape it). */
    public record Entry(
            int rank,
            String alertId,
            String listingKey,
            int listingVersion,
            String title,
            Long price,
            String url,
            double score,
            String explanation) {}
}
