package dk.dealfinder.udfs.dedup;

/**
 * What one band found for a listing: the earliest earlier listing whose image is near enough, or
 * none ({@code originalKey} null).
 *
 * @param originalSeenAt epoch millis the original was seen, to prefer the earliest across bands
 * @param lowestEarlierPrice the lowest price any near-enough earlier listing in this band asked
 *     (the original or an earlier repost of it), null when none stated one
 */
public record BandVerdict(
        FingerprintedListing fingerprinted,
        String originalKey,
        int distance,
        long originalSeenAt,
        Long lowestEarlierPrice) {

    /** A verdict that found no original. */
    public static BandVerdict unmatched(FingerprintedListing fingerprinted) {
        return new BandVerdict(fingerprinted, null, 0, 0, null);
    }

    /** The lower of two possibly unstated prices; null only when neither is stated. */
    static Long lower(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
