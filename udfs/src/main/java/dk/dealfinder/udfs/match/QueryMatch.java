package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;

/**
 * A listing that passed a saved query's static filters and now needs classifying.
 *
 * @param priceInRange false for a listing that passed every filter but the query's price range: it
 *     is judged by the local model only and counted in the query's market estimate, but never
 *     scored or alerted (see {@link QueryMatcher})
 */
public record QueryMatch(Listing listing, SavedQuery query, boolean priceInRange) {

    /** A match within the query's price range. */
    public QueryMatch(Listing listing, SavedQuery query) {
        this(listing, query, true);
    }
}
