package dk.dealfinder.udfs.score;

/**
 * Where a listing's asking price stands against its yardstick: the market median when the estimate
 * rests on enough comparable listings, else the saved query's max price. Only a price under its
 * yardstick makes a deal worth an instant alert.
 */
public enum PriceStanding {
    /** Under the median of enough comparable listings. */
    UNDER_MARKET,
    /** Too few comparables for a market median, but under the query's own max price. */
    UNDER_MAX_PRICE,
    /** At or over its yardstick: whatever else it has going for it, not a deal. */
    NOT_UNDER,
    /** No price stated, or neither a market median nor a max price to compare it with. */
    UNJUDGED;

    /** Whether the price alone makes the listing a deal. */
    public boolean isDeal() {
        return this == UNDER_MARKET || this == UNDER_MAX_PRICE;
    }
}
