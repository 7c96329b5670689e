package dk.dealfinder.udfs.dedup;

/**
 * What one band found for a listing: the earliest earlier listing whose image is near enough, or
 * none ({@code originalKey} null).
 *
 * @param originalSeenAt epoch millis the original was seen, to prefer the earliest across bands
 */
public record BandVerdict(
        FingerprintedListing fingerprinted,
        String originalKey,
        int distance,
        long originalSeenAt) {}
