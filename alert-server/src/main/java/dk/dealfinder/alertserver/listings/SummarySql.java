package dk.dealfinder.alertserver.listings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The SQL every listing card shares: the listing's columns and its best visible match, and the
 * mapping of one such row to a {@link ListingSummary}.
 *
 * <p>A listing's best match is the highest score among the caller's saved queries and the shared
 * ones (owner NULL), each judged on the newest version it scored: an older version's score is for
 * an older price or text. There are two ways to join it, for two shapes of read:
 *
 * <ul>
 *   <li>{@link #BEST_MATCH_PER_LISTING}, a lateral subquery probed per listing through {@code
 *       matches_by_listing} (V5): for reads bounded by listings (a page in date or price order, one
 *       listing, the favourites), a page of cards costs a page of index probes.
 *   <li>{@link #bestMatches}, a CTE built from the caller's queries' matches through the matches
 *       primary key: for reads filtered or ordered by matches (score sort, verdict and score
 *       filters, top deals), which cost what the caller's queries matched, not every listing.
 * </ul>
 */
final class SummarySql {

    /** The card's columns; the query aliases listings {@code l} and the best match {@code b}. */
    static final String COLUMNS =
            "l.listing_key, l.site, l.title, l.price, l.currency, l.location,"
                    + " l.image_urls[1] AS thumbnail_url, b.score, b.verdict, l.published_at,"
                    + " l.removed_at IS NOT NULL AS removed";

    /** Saved queries the user may see; one parameter, the user id. */
    static final String VISIBLE_QUERY = "(q.owner = ? OR q.owner IS NULL)";

    /** Matches {@code m} of visible queries {@code q}, on the newest version each query scored. */
    private static final String VISIBLE_NEWEST_MATCHES =
            " FROM matches m JOIN saved_queries q ON q.id = m.query_id WHERE "
                    + VISIBLE_QUERY
                    + " AND NOT EXISTS (SELECT 1 FROM matches n WHERE n.query_id = m.query_id"
                    + " AND n.listing_key = m.listing_key"
                    + " AND n.listing_version > m.listing_version)";

    /**
     * Left-joins the best visible match of listing {@code l} as {@code b}; one parameter, the user.
     */
    static final String BEST_MATCH_PER_LISTING =
            " LEFT JOIN LATERAL (SELECT m.score, m.verdict"
                    + VISIBLE_NEWEST_MATCHES
                    + " AND m.listing_key = l.listing_key ORDER BY m.score DESC LIMIT 1) b ON true";

    private SummarySql() {}

    /**
     * A {@code WITH b AS (...)} clause: the best visible match per listing key among the matches
     * that pass {@code matchFilter}. Parameters: the user id, then those of {@code matchFilter}.
     *
     * @param matchFilter more conditions on {@code m}, each starting with " AND", or ""
     */
    static String bestMatches(String matchFilter) {
        return "WITH b AS (SELECT DISTINCT ON (m.listing_key) m.listing_key, m.score, m.verdict"
                + VISIBLE_NEWEST_MATCHES
                + matchFilter
                + " ORDER BY m.listing_key, m.score DESC) ";
    }

    static ListingSummary summary(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        Double dealScore = rs.wasNull() ? null : score;
        return new ListingSummary(
                rs.getString("listing_key"),
                rs.getString("site"),
                rs.getString("title"),
                longOrNull(rs, "price"),
                rs.getString("currency"),
                rs.getString("location"),
                rs.getString("thumbnail_url"),
                dealScore,
                rs.getString("verdict"),
                millis(rs, "published_at"),
                rs.getBoolean("removed"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static long millis(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at.getTime();
    }
}
