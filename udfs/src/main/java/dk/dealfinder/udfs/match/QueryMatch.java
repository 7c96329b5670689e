package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.udfs.embed.ListingEmbedder;

/**
 * A listing that passed a saved query's static filters and now needs classifying. It carries the
 * listing version's embedding, computed once by the {@link ListingEmbedder} for every query the
 * listing matches, so the local classifier does not embed the same title again per query.
 *
 * @param embedded the listing version and its vector (empty when the embedder could not make one;
 *     the classifier then embeds the title itself)
 * @param priceInRange false for a listing that passed every filter but the query's price range: it
 *     is judged by the local model only and counted in the query's market estimate, but never
 *     scored or alerted (see {@link QueryMatcher})
 */
public record QueryMatch(EmbeddedListing embedded, SavedQuery query, boolean priceInRange) {

    /** A match of a listing that carries no vector. */
    public QueryMatch(Listing listing, SavedQuery query, boolean priceInRange) {
        this(ListingEmbedder.notEmbedded(listing), query, priceInRange);
    }

    /** A match within the query's price range, of a listing that carries no vector. */
    public QueryMatch(Listing listing, SavedQuery query) {
        this(listing, query, true);
    }

    public Listing listing() {
        return embedded.listing();
    }
}
