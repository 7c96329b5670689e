package dk.dealfinder.alertserver.listings;

/**
 * A listing as a grid card or list row shows it.
 *
 * @param listingKey {@code site:adId}
 * @param site marketplace host key
 * @param title as the seller wrote it (untrusted text: escape it)
 * @param price asking price in whole currency units, null when not stated
 * @param currency e.g. DKK
 * @param location free text location, may be empty
 * @param thumbnailUrl first photo, null when none
 * @param dealScore best deal score 0..100 among the caller's saved queries that matched it, null
 *     when none of them did
 * @param verdict the classifier's verdict for that best match (e.g. RELEVANT), null when none
 * @param publishedAt epoch millis
 * @param removed whether the site took it down
 */
public record ListingSummary(
        String listingKey,
        String site,
        String title,
        Long price,
        String currency,
        String location,
        String thumbnailUrl,
        Double dealScore,
        String verdict,
        long publishedAt,
        boolean removed) {}
