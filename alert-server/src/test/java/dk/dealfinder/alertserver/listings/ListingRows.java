package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.TestBackends;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rows the Flink job would have written (listings, price history, matches, alerts), inserted with
 * plain SQL into the shared test database. Every key carries a tag unique to one test, so tests
 * sharing the database never see each other's rows in their searches.
 */
final class ListingRows {

    final String tag = "tag" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** A listing key on dba.dk unique to this fixture. */
    String key(String adId) {
        return "dba.dk:" + tag + "-" + adId;
    }

    /** A live listing on dba.dk whose title ends with the fixture's tag. */
    String listing(String adId, String title, Long price, Instant publishedAt) {
        return listing(adId, "dba.dk", title, "", price, publishedAt, List.of(), null);
    }

    String listing(
            String adId,
            String site,
            String title,
            String description,
            Long price,
            Instant publishedAt,
            List<String> images,
            Instant removedAt) {
        String key = site + ":" + tag + "-" + adId;
        TestBackends.jdbc()
                .update(
                        "INSERT INTO listings (listing_key, site, ad_id, url, title, description,"
                                + " price, currency, location, image_urls, published_at,"
                                + " first_seen_at, last_seen_at, version, removed_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'DKK', 'Aarhus C', ?, ?, ?, ?,"
                                + " 1, ?)",
                        s -> {
                            s.setString(1, key);
                            s.setString(2, site);
                            s.setString(3, tag + "-" + adId);
                            s.setString(4, "https://www." + site + "/" + adId);
                            s.setString(5, title + " " + tag);
                            s.setString(6, description);
                            s.setObject(7, price);
                            s.setArray(
                                    8,
                                    s.getConnection()
                                            .createArrayOf("text", images.toArray(new String[0])));
                            Timestamp at = Timestamp.from(publishedAt);
                            s.setTimestamp(9, at);
                            s.setTimestamp(10, at);
                            s.setTimestamp(11, at);
                            s.setTimestamp(
                                    12, removedAt == null ? null : Timestamp.from(removedAt));
                        });
        return key;
    }

    static void pricePoint(String key, int version, Long price, String kind, Instant at) {
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
    static void match(
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

    /** An alert the job sent for the query; returns its id. */
    static String alert(String queryId, String key, String title, double score, Instant at) {
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
}
