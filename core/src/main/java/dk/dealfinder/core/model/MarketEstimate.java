package dk.dealfinder.core.model;

/**
 * What listings like a saved query's go for: quantiles of the asking prices of listings judged
 * RELEVANT to it, with the support they rest on.
 *
 * @param queryId the saved query
 * @param n how many prices the estimate rests on (0: no estimate)
 * @param median median asking price, 0 when n is 0
 * @param lowerQuartile 25th percentile
 * @param upperQuartile 75th percentile
 * @param horizonDays how many days of listings the estimate covers
 * @param asOf epoch millis of the latest price the estimate has seen
 */
public record MarketEstimate(
        String queryId,
        long n,
        double median,
        double lowerQuartile,
        double upperQuartile,
        int horizonDays,
        long asOf) {

    public static MarketEstimate none(String queryId, int horizonDays, long asOf) {
        return new MarketEstimate(queryId, 0, 0, 0, 0, horizonDays, asOf);
    }
}
