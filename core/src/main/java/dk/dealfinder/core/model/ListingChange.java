package dk.dealfinder.core.model;

/**
 * One real change of one listing: a new version, stamped by the change detector.
 *
 * @param listing the listing as it is after the change (for REMOVED: as it was last seen), with its
 *     new version
 * @param kind what changed
 * @param previousPrice the asking price before the change, null for NEW or when none was stated
 * @param detectedAt epoch millis of the observation that revealed the change
 */
public record ListingChange(Listing listing, ChangeKind kind, Long previousPrice, long detectedAt) {

    /** How much cheaper the listing became, in currency units; 0 unless a price drop. */
    public long priceDrop() {
        if (kind != ChangeKind.PRICE_DROP || previousPrice == null || listing.price() == null) {
            return 0;
        }
        return previousPrice - listing.price();
    }

    /** The price drop as a percentage of the previous price, 0 unless a price drop. */
    public double priceDropPercent() {
        long drop = priceDrop();
        return drop == 0 || previousPrice == 0 ? 0 : 100.0 * drop / previousPrice;
    }

    /** One row of price history: the listing's price from this version on. */
    public PricePoint pricePoint() {
        return new PricePoint(
                listing.listingKey(), listing.version(), listing.price(), kind, detectedAt);
    }
}
