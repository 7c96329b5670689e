package dk.dealfinder.alertserver;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rows the Flink job writes (listings, price history, matches, alerts), inserted with plain SQL
 * into the shared test database, for tests of what the alert-server reads.
 */
public final class StoredRows {

    private StoredRows() {}

    /** A listing at version 1; {@code removedAt} null while live. */
    public static void listing(
            String key,
            String url,
            String title,
            String description,
            Long price,
            String location,
            String postcode,
            List<String> images,
            Instant publishedAt,
            Instant removedAt) {
        String site = key.substring(0, key.indexOf(':'));
        String adId = key.substring(key.indexOf(':') + 1);
        TestBackends.jdbc()
                .update(
                        "INSERT INTO listings (listing_key, site, ad_id, url, title, description,"
                                + " price, currency, location, postcode, image_urls, published_at,"
                                + " first_seen_at, last_seen_at, version, removed_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'DKK', ?, ?, ?, ?, ?, ?, 1, ?)",
                        s -> {
                            s.setString(1, key);
                            s.setString(2, site);
                            s.setString(3, adId);
                            s.setString(4, url);
                            s.setString(5, title);
                            s.setString(6, description);
                            s.setObject(7, price);
                            s.setString(8, location);
                            s.setString(9, postcode);
                            s.setArray(
                                    10,
                                    s.getConnection()
                                            .createArrayOf("text", images.toArray(new String[0])));
                            Timestamp at = Timestamp.from(publishedAt);
                            s.setTimestamp(11, at);
                            s.setTimestamp(12, at);
                            s.setTimestamp(13, at);
                            s.setTimestamp(
                                    14, removedAt == null ? null : Timestamp.from(removedAt));
                        });
    }

    public static void pricePoint(String key, int version, Long price, String kind, Instant at) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO price_history (listing_key, version, price, change_kind,"
                                + " observed_at) VALUES (?, ?, ?, ?, ?)",
                        s -> {
                            s.setString(1, key);
                            s.setInt(2, version);
                            s.setObject(3, price);
                            s.setString(4, kind);
                            s.setTimestamp(5, Timestamp.from(at));
                        });
    }

    /** The query scored one version of the listing. */
    public static void match(
            String queryId,
            String key,
            int version,
            String verdict,
            double score,
            String explanation) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO matches (query_id, listing_key, listing_version, verdict,"
                                + " confidence, score, relevance, price_score, freshness,"
                                + " condition_score, explanation, model_id)"
                                + " VALUES (?, ?, ?, ?, 0.9, ?, 0.9, 0.7, 0.6, 0.5, ?,"
                                + " 'local-knn-test')",
                        s -> {
                            s.setString(1, queryId);
                            s.setString(2, key);
                            s.setInt(3, version);
                            s.setString(4, verdict);
                            s.setDouble(5, score);
                            s.setString(6, explanation);
                        });
    }

    /** What the listing's item page said about seller, category, condition and place. */
    public static void itemFacts(
            String key,
            String sellerType,
            String category,
            String condition,
            Double latitude,
            Double longitude) {
        TestBackends.jdbc()
                .update(
                        "UPDATE listings SET seller_type = ?, category = ?, condition = ?,"
                                + " latitude = ?, longitude = ? WHERE listing_key = ?",
                        s -> {
                            s.setString(1, sellerType);
                            s.setString(2, category);
                            s.setString(3, condition);
                            s.setObject(4, latitude);
                            s.setObject(5, longitude);
                            s.setString(6, key);
                        });
    }

    /** The seller and distance parts of a stored match (null: not judged). */
    public static void sellerAndDistanceParts(
            String queryId, String key, int version, Double seller, Double distance) {
        TestBackends.jdbc()
                .update(
                        "UPDATE matches SET seller_score = ?, distance_score = ?"
                                + " WHERE query_id = ? AND listing_key = ? AND listing_version = ?",
                        s -> {
                            s.setObject(1, seller);
                            s.setObject(2, distance);
                            s.setString(3, queryId);
                            s.setString(4, key);
                            s.setInt(5, version);
                        });
    }

    /** The dedup linked {@code repostKey} to {@code originalKey} as the same item. */
    public static void repostLink(
            String repostKey, String originalKey, int imageDistance, Instant at) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO repost_links (repost_key, original_key, image_distance,"
                                + " linked_at) VALUES (?, ?, ?, ?)",
                        s -> {
                            s.setString(1, repostKey);
                            s.setString(2, originalKey);
                            s.setInt(3, imageDistance);
                            s.setTimestamp(4, Timestamp.from(at));
                        });
    }

    /** The job's market estimate for the query: median {@code median} over {@code n} prices. */
    public static void marketEstimate(String queryId, long n, double median, Instant asOf) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO market_estimates (query_id, n, median, lower_quartile,"
                                + " upper_quartile, horizon_days, as_of)"
                                + " VALUES (?, ?, ?, ?, ?, 30, ?)",
                        s -> {
                            s.setString(1, queryId);
                            s.setLong(2, n);
                            s.setDouble(3, median);
                            s.setDouble(4, median * 0.8);
                            s.setDouble(5, median * 1.2);
                            s.setTimestamp(6, Timestamp.from(asOf));
                        });
    }

    /** An alert the job sent (and stored in the alert history) for the query; returns its id. */
    public static String alert(String queryId, String key, String title, double score, Instant at) {
        String id = UUID.randomUUID().toString();
        TestBackends.jdbc()
                .update(
                        "INSERT INTO alerts (alert_id, query_id, listing_key, listing_version,"
                                + " title, price, currency, url, image_url, score, explanation,"
                                + " published_at, created_at)"
                                + " VALUES (?::uuid, ?, ?, 1, ?, 1500, 'DKK', ?, NULL, ?,"
                                + " 'under market', ?, ?)",
                        s -> {
                            s.setString(1, id);
                            s.setString(2, queryId);
                            s.setString(3, key);
                            s.setString(4, title);
                            s.setString(5, "https://www.dba.dk/" + key);
                            s.setDouble(6, score);
                            s.setTimestamp(7, Timestamp.from(at));
                            s.setTimestamp(8, Timestamp.from(at));
                        });
        return id;
    }

    /** One ranked deal of a saved query's digest window. */
    public static void digestEntry(
            String queryId,
            Instant windowStart,
            Instant windowEnd,
            int rank,
            String key,
            String title,
            double score) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO digest_entries (query_id, window_start, window_end, rank,"
                                + " alert_id, listing_key, listing_version, title, price, url,"
                                + " score, explanation)"
                                + " VALUES (?, ?, ?, ?, ?::uuid, ?, 1, ?, 1500, ?, ?,"
                                + " 'under market')",
                        s -> {
                            s.setString(1, queryId);
                            s.setTimestamp(2, Timestamp.from(windowStart));
                            s.setTimestamp(3, Timestamp.from(windowEnd));
                            s.setInt(4, rank);
                            s.setString(5, UUID.randomUUID().toString());
                            s.setString(6, key);
                            s.setString(7, title);
                            s.setString(8, "https://www.dba.dk/" + key);
                            s.setDouble(9, score);
                        });
    }
}
