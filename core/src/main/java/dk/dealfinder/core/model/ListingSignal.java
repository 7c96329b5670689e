package dk.dealfinder.core.model;

/**
 * What the change detector hears about one listing key: either the listing was seen as it is now,
 * or the site said it is gone (its item page is inactive or answers 404). Exactly one of {@link
 * #listing()} and {@link #goneReason()} is set.
 *
 * @param listingKey {@code site:adId}
 * @param listing the listing as scraped, null for a gone signal
 * @param goneReason why the ad is considered gone ("inactive", "404"), null for a sighting
 * @param observedAt epoch millis of the observation
 */
public record ListingSignal(
        String listingKey, Listing listing, String goneReason, long observedAt) {

    public static ListingSignal seen(Listing listing) {
        return new ListingSignal(listing.listingKey(), listing, null, listing.fetchedAt());
    }

    public static ListingSignal gone(String listingKey, String reason, long observedAt) {
        return new ListingSignal(listingKey, null, reason, observedAt);
    }

    public boolean isGone() {
        return listing == null;
    }
}
