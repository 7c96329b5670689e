package dk.dealfinder.udfs.dedup;

import dk.dealfinder.core.model.Listing;

/**
 * A listing with the difference hash of its first image.
 *
 * @param imageHash the hash; meaningless unless {@code hasImageHash}
 * @param hasImageHash false when the listing has no image or it could not be fetched or read
 */
public record FingerprintedListing(Listing listing, long imageHash, boolean hasImageHash) {

    public static FingerprintedListing withoutImage(Listing listing) {
        return new FingerprintedListing(listing, 0, false);
    }
}
