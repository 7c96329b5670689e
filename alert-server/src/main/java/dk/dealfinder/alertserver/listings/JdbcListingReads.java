package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.db.Jdbc;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ListingReads} over PostgreSQL. Listings and their price history are public marketplace
 * data; every match, score, alert and favourite is read through the caller's visible saved queries
 * (their own and the operator's shared ones, owner NULL), the rule {@code QueryOwners} applies to
 * the live feed.
 */
public final class JdbcListingReads implements ListingReads {

    private static final String TOP_DEALS =
            SummarySql.bestMatches(" AND m.verdict = 'RELEVANT'")
                    + "SELECT "
                    + SummarySql.COLUMNS
                    + " FROM b JOIN listings l ON l.listing_key = b.listing_key"
                    + " WHERE l.published_at >= now() - make_interval(days => ?)"
                    + " AND l.removed_at IS NULL"
                    + " ORDER BY b.score DESC, l.published_at DESC, l.listing_key LIMIT ?";

    private static final String FAVOURITES =
            "SELECT "
                    + SummarySql.COLUMNS
                    + " FROM favourites f JOIN listings l ON l.listing_key = f.listing_key"
                    + SummarySql.BEST_MATCH_PER_LISTING
                    + " WHERE f.user_id = ? ORDER BY f.created_at DESC, l.listing_key";

    private static final String LISTING =
            "SELECT "
                    + SummarySql.COLUMNS
                    + ", l.url, l.description, l.image_urls, l.seller_type, l.category,"
                    + " l.condition, l.latitude, l.longitude"
                    + " FROM listings l"
                    + SummarySql.BEST_MATCH_PER_LISTING
                    + " WHERE l.listing_key = ?";

    /** Each visible query's verdict on the newest version it scored, best first. */
    private static final String MATCHES =
            "SELECT * FROM (SELECT DISTINCT ON (m.query_id) m.*, q.name AS query_name"
                    + " FROM matches m JOIN saved_queries q ON q.id = m.query_id"
                    + " WHERE m.listing_key = ? AND "
                    + SummarySql.VISIBLE_QUERY
                    + " ORDER BY m.query_id, m.listing_version DESC) x"
                    + " ORDER BY score DESC, query_id";

    /** The item's original (this listing, or the one it reposts) and every repost linked to it. */
    private static final String REPOST_GROUP =
            "WITH root AS (SELECT COALESCE((SELECT original_key FROM repost_links WHERE"
                    + " repost_key = ?), ?) AS k)"
                    + " SELECT root.k AS original_key, r.repost_key, r.image_distance, r.linked_at"
                    + " FROM root LEFT JOIN repost_links r ON r.original_key = root.k"
                    + " ORDER BY r.linked_at, r.repost_key";

    private static final String PRICE_HISTORY =
            "SELECT version, price, change_kind, observed_at FROM price_history"
                    + " WHERE listing_key = ? ORDER BY version";

    private static final String NOTIFY =
            "SELECT notify FROM favourites WHERE user_id = ? AND listing_key = ?";

    private static final String ALERTS =
            "SELECT a.*, q.name AS query_name FROM alerts a"
                    + " JOIN saved_queries q ON q.id = a.query_id WHERE "
                    + SummarySql.VISIBLE_QUERY
                    + " ORDER BY a.created_at DESC, a.alert_id LIMIT ? OFFSET ?";

    private static final String ALERT_COUNT =
            "SELECT count(*) FROM alerts a JOIN saved_queries q ON q.id = a.query_id WHERE "
                    + SummarySql.VISIBLE_QUERY;

    /** Stars only a stored listing: no row to insert from otherwise. */
    private static final String UPSERT_FAVOURITE =
            "INSERT INTO favourites (user_id, listing_key, notify)"
                    + " SELECT ?, listing_key, ? FROM listings WHERE listing_key = ?"
                    + " ON CONFLICT (user_id, listing_key) DO UPDATE SET notify = EXCLUDED.notify";

    private static final String DELETE_FAVOURITE =
            "DELETE FROM favourites WHERE user_id = ? AND listing_key = ?";

    private final Jdbc jdbc;

    public JdbcListingReads(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws IllegalArgumentException when the page or page size is out of range
     */
    @Override
    public Page<ListingSummary> search(String userId, ListingSearch search) {
        checkPage(search.page(), search.pageSize());
        SearchStatement statement = SearchStatement.of(userId, search);
        return jdbc.withConnection(
                c -> {
                    List<ListingSummary> items =
                            Jdbc.list(
                                    c,
                                    statement.pageSql(),
                                    bind(statement.pageParams()),
                                    SummarySql::summary);
                    long total =
                            Jdbc.list(
                                            c,
                                            statement.countSql(),
                                            bind(statement.countParams()),
                                            rs -> rs.getLong(1))
                                    .get(0);
                    return new Page<>(items, search.page(), search.pageSize(), total);
                });
    }

    @Override
    public List<ListingSummary> topDeals(String userId, int days, int limit) {
        if (days < 1 || limit < 1) {
            throw new IllegalArgumentException(
                    "days and limit must be positive, got " + days + " and " + limit);
        }
        return jdbc.list(TOP_DEALS, bind(List.of(userId, days, limit)), SummarySql::summary);
    }

    @Override
    public Optional<ListingDetail> detail(String userId, String listingKey) {
        return jdbc.withConnection(
                c -> {
                    List<StoredListing> found =
                            Jdbc.list(
                                    c,
                                    LISTING,
                                    bind(List.of(userId, listingKey)),
                                    StoredListing::of);
                    if (found.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(detail(c, userId, found.get(0)));
                });
    }

    /** The listing's own columns, before the caller's matches and star are added. */
    private record StoredListing(
            ListingSummary summary,
            String url,
            String description,
            List<String> imageUrls,
            ListingDetail.ItemFacts facts) {

        static StoredListing of(ResultSet rs) throws SQLException {
            Array images = rs.getArray("image_urls");
            return new StoredListing(
                    SummarySql.summary(rs),
                    rs.getString("url"),
                    rs.getString("description"),
                    List.of((String[]) images.getArray()),
                    new ListingDetail.ItemFacts(
                            rs.getString("seller_type"),
                            rs.getString("category"),
                            rs.getString("condition"),
                            doubleOrNull(rs, "latitude"),
                            doubleOrNull(rs, "longitude")));
        }
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static ListingDetail detail(Connection c, String userId, StoredListing listing)
            throws SQLException {
        String key = listing.summary().listingKey();
        List<ListingDetail.MatchView> matches =
                Jdbc.list(c, MATCHES, bind(List.of(key, userId)), JdbcListingReads::matchView);
        List<ListingDetail.PricePoint> history =
                Jdbc.list(
                        c,
                        PRICE_HISTORY,
                        bind(List.of(key)),
                        rs ->
                                new ListingDetail.PricePoint(
                                        rs.getInt("version"),
                                        SummarySql.longOrNull(rs, "price"),
                                        rs.getString("change_kind"),
                                        SummarySql.millis(rs, "observed_at")));
        List<Boolean> notify =
                Jdbc.list(c, NOTIFY, bind(List.of(userId, key)), rs -> rs.getBoolean(1));
        List<GroupRow> group = Jdbc.list(c, REPOST_GROUP, bind(List.of(key, key)), GroupRow::of);
        List<ListingDetail.RepostView> reposts =
                group.stream().map(GroupRow::repost).filter(Objects::nonNull).toList();
        return new ListingDetail(
                listing.summary(),
                listing.url(),
                listing.description(),
                listing.imageUrls(),
                listing.facts(),
                history,
                matches,
                new ListingDetail.RepostGroup(group.get(0).originalKey(), reposts),
                !notify.isEmpty(),
                !notify.isEmpty() && notify.get(0));
    }

    /** One row of the repost group: the original's key and one linked repost, if any. */
    private record GroupRow(String originalKey, ListingDetail.RepostView repost) {

        static GroupRow of(ResultSet rs) throws SQLException {
            String repostKey = rs.getString("repost_key");
            return new GroupRow(
                    rs.getString("original_key"),
                    repostKey == null
                            ? null
                            : new ListingDetail.RepostView(
                                    repostKey,
                                    rs.getInt("image_distance"),
                                    SummarySql.millis(rs, "linked_at")));
        }
    }

    private static ListingDetail.MatchView matchView(ResultSet rs) throws SQLException {
        return new ListingDetail.MatchView(
                rs.getString("query_id"),
                rs.getString("query_name"),
                rs.getInt("listing_version"),
                rs.getString("verdict"),
                rs.getDouble("confidence"),
                rs.getDouble("score"),
                rs.getDouble("relevance"),
                rs.getDouble("price_score"),
                rs.getDouble("freshness"),
                rs.getDouble("condition_score"),
                doubleOrNull(rs, "seller_score"),
                doubleOrNull(rs, "distance_score"),
                rs.getString("explanation"),
                rs.getString("model_id"));
    }

    @Override
    public Page<AlertView> alerts(String userId, int page, int pageSize) {
        checkPage(page, pageSize);
        long offset = (long) (page - 1) * pageSize;
        return jdbc.withConnection(
                c -> {
                    List<AlertView> items =
                            Jdbc.list(
                                    c,
                                    ALERTS,
                                    bind(List.of(userId, pageSize, offset)),
                                    JdbcListingReads::alertView);
                    long total =
                            Jdbc.list(c, ALERT_COUNT, bind(List.of(userId)), rs -> rs.getLong(1))
                                    .get(0);
                    return new Page<>(items, page, pageSize, total);
                });
    }

    private static AlertView alertView(ResultSet rs) throws SQLException {
        return new AlertView(
                rs.getString("alert_id"),
                rs.getString("query_id"),
                rs.getString("query_name"),
                rs.getString("listing_key"),
                rs.getString("title"),
                SummarySql.longOrNull(rs, "price"),
                rs.getString("currency"),
                rs.getString("url"),
                rs.getString("image_url"),
                rs.getDouble("score"),
                rs.getString("explanation"),
                SummarySql.millis(rs, "published_at"),
                SummarySql.millis(rs, "created_at"));
    }

    @Override
    public List<ListingSummary> favourites(String userId) {
        return jdbc.list(FAVOURITES, bind(List.of(userId, userId)), SummarySql::summary);
    }

    @Override
    public boolean favourite(String userId, String listingKey, boolean notify) {
        return jdbc.update(UPSERT_FAVOURITE, bind(List.of(userId, notify, listingKey))) > 0;
    }

    @Override
    public boolean unfavourite(String userId, String listingKey) {
        return jdbc.update(DELETE_FAVOURITE, bind(List.of(userId, listingKey))) > 0;
    }

    private static void checkPage(int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > ListingSearch.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "page must be at least 1 and page size 1.."
                            + ListingSearch.MAX_PAGE_SIZE
                            + ", got "
                            + page
                            + " and "
                            + pageSize);
        }
    }

    /** Binds the values in order; the driver maps String, Integer, Long, Double and Boolean. */
    private static Jdbc.Binder bind(List<?> values) {
        return s -> {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
        };
    }
}
