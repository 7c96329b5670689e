package dk.dealfinder.udfs.rank;

import dk.dealfinder.core.model.Alert;

/**
 * One line of a saved query's digest: the deal at {@code rank} (1 = best) among those seen in one
 * tumbling window.
 *
 * @param windowStart epoch millis, inclusive
 * @param windowEnd epoch millis, exclusive
 * @param deal the deal, as an alert would show it
 */
public record RankedDeal(String queryId, long windowStart, long windowEnd, int rank, Alert deal) {}
