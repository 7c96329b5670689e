package dk.dealfinder.core.model;

/**
 * What listings like a saved query's go for: quantiles of asking prices, with the support they rest
 * on and where the prices came from.
 *
 * @param queryId the saved query
 * @param n how many prices the estimate rests on (0: no estimate)
 * @param median median asking price, 0 when n is 0
 * @param lowerQuartile 25th percentile
 * @param upperQuartile 75th percentile
 * @param horizonDays how many days of listings the estimate covers
 * @param asOf epoch millis of the latest price the estimate has seen
 * @param source whose prices they are: the query's own RELEVANT listings, or the listings most
 *     similar to the one being priced
 */
public record MarketEstimate(
        String queryId,
        long n,
        double median,
        double lowerQuartile,
        double upperQuartile,
        int horizonDays,
        long asOf,
        Source source) {

    /** Where the prices of an estimate came from. */
    public enum Source {
        /** Listings judged RELEVANT to the saved query over the horizon. */
        SAVED_QUERY,
        /** The nearest listings in Qdrant judged RELEVANT to any saved query (comparables). */
        SIMILAR_LISTINGS
    }

    public MarketEstimate {
        source = source == null ? Source.SAVED_QUERY : source;
    }

    /** An estimate from the saved query's own RELEVANT listings. */
    public MarketEstimate(
            String queryId,
            long n,
            double median,
            double lowerQuartile,
            double upperQuartile,
            int horizonDays,
            long asOf) {
        this(
                queryId,
                n,
                median,
                lowerQuartile,
                upperQuartile,
                horizonDays,
                asOf,
                Source.SAVED_QUERY);
    }

    public static MarketEstimate none(String queryId, int horizonDays, long asOf) {
        return new MarketEstimate(queryId, 0, 0, 0, 0, horizonDays, asOf);
    }
}
