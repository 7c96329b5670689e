package dk.dealfinder.core.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One alert for one saved query about one version of one listing. {@link #alertId()} is derived
 * from exactly those three, so retries, restarts and replays produce the same id and every sink can
 * deduplicate on it.
 *
 * @param alertId name-based UUID of (queryId, listingKey, listingVersion)
 * @param queryId the saved query that matched
 * @param queryName its display name
 * @param listingKey {@code site:adId}
 * @param listingVersion the listing version alerted on
 * @param title listing title (untrusted text: escape before rendering)
 * @param price asking price, null when not stated
 * @param currency ISO code
 * @param url item page
 * @param imageUrl first image, null when none
 * @param score deal score 0..100
 * @param explanation one line a user reads ("relevance 0.82; 38 % under your max price")
 * @param publishedAt epoch millis of the listing's publication
 * @param createdAt epoch millis when the job decided to alert
 * @param fetchedAt epoch millis when the scraper fetched the listing version alerted on (alert
 *     latency splits into the wait for the next poll and the time inside the pipeline)
 */
public record Alert(
        String alertId,
        String queryId,
        String queryName,
        String listingKey,
        int listingVersion,
        String title,
        Long price,
        String currency,
        String url,
        String imageUrl,
        double score,
        String explanation,
        long publishedAt,
        long createdAt,
        long fetchedAt) {

    public static String idOf(String queryId, String listingKey, int listingVersion) {
        String name = queryId + "\u0000" + listingKey + "\u0000" + listingVersion;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
