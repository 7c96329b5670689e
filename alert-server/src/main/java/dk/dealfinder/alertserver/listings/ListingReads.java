package dk.dealfinder.alertserver.listings;

import java.util.List;
import java.util.Optional;

/**
 * What the dashboard and the listings API read about listings, always on behalf of one user: their
 * own saved queries' matches, scores and alerts (and those of the operator's shared queries), never
 * another user's.
 */
public interface ListingReads {

    Page<ListingSummary> search(String userId, ListingSearch search);

    /** The best-scored listings matched by the user's queries in the last {@code days} days. */
    List<ListingSummary> topDeals(String userId, int days, int limit);

    Optional<ListingDetail> detail(String userId, String listingKey);

    /** The user's alert history, newest first. */
    Page<AlertView> alerts(String userId, int page, int pageSize);

    List<ListingSummary> favourites(String userId);

    /** Stars a listing (or updates its notify flag); false when no such listing is stored. */
    boolean favourite(String userId, String listingKey, boolean notify);

    /** Removes a star; false when there was none. */
    boolean unfavourite(String userId, String listingKey);
}
