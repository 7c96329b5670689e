package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.TestBackends;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rows the Flink job would have written: listings, their price history and query matches. */
final class DashboardFixtures {

    static final Instant PUBLISHED = Instant.parse("2026-11-21T13:05:00Z");

    private DashboardFixtures() {}

    /** A fresh listing key on dba.dk. */
    static String newKey() {
        return "dba.dk:" + UUID.randomUUID();
    }

    static void listing(
            String key, String title, Long price, String description, List<String> images) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO listings (listing_key, site, ad_id, url, title, description,"
                                + " price, currency, location, postcode, image_urls, published_at,"
                                + " first_seen_at, last_seen_at, version)"
                                + " VALUES (?, 'dba.dk', ?, ?, ?, ?, ?, 'DKK', 'København Ø',"
                                + " '2100', ?, ?, ?, ?, 1)",
                        s -> {
                            s.setString(1, key);
                            s.setString(2, key.substring(key.indexOf(':') + 1));
                            s.setString(3, "https://www.dba.dk/" + key.substring(7));
                            s.setString(4, title);
                            s.setString(5, description);
                            s.setObject(6, price);
                            Array urls =
                                    s.getConnection()
                                            .createArrayOf("text", images.toArray(new String[0]));
                            s.setArray(7, urls);
                            Timestamp at = Timestamp.from(PUBLISHED);
                            s.setTimestamp(8, at);
                            s.setTimestamp(9, at);
                            s.setTimestamp(10, at);
                        });
    }

    static void pricePoint(String key, int version, long price, String kind, Instant at) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO price_history (listing_key, version, price, change_kind,"
                                + " observed_at) VALUES (?, ?, ?, ?, ?)",
                        s -> {
                            s.setString(1, key);
                            s.setInt(2, version);
                            s.setLong(3, price);
                            s.setString(4, kind);
                            s.setTimestamp(5, Timestamp.from(at));
                        });
    }

    /** The query judged the listing RELEVANT with this deal score. */
    static void match(String queryId, String key, double score, String explanation) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO matches (query_id, listing_key, listing_version, verdict,"
                                + " confidence, score, relevance, price_score, freshness,"
                                + " condition_score, explanation, model_id)"
                                + " VALUES (?, ?, 1, 'RELEVANT', 0.9, ?, 0.9, 0.8, 1.0, 0.5, ?,"
                                + " 'local-test')",
                        s -> {
                            s.setString(1, queryId);
                            s.setString(2, key);
                            s.setDouble(3, score);
                            s.setString(4, explanation);
                        });
    }

    /** An alert the job sent (and stored in the alert history) for the query and listing. */
    static void alert(String queryId, String key, String title) {
        TestBackends.jdbc()
                .update(
                        "INSERT INTO alerts (alert_id, query_id, listing_key, listing_version,"
                                + " title, price, currency, url, score, explanation,"
                                + " published_at, created_at)"
                                + " VALUES (?, ?, ?, 1, ?, 1500, 'DKK', 'https://www.dba.dk/1',"
                                + " 77, '', ?, ?)",
                        s -> {
                            s.setObject(1, UUID.randomUUID());
                            s.setString(2, queryId);
                            s.setString(3, key);
                            s.setString(4, title);
                            s.setTimestamp(5, Timestamp.from(PUBLISHED));
                            s.setTimestamp(6, Timestamp.from(PUBLISHED));
                        });
    }
}
