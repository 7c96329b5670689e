package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.StoredRows;
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
        StoredRows.listing(
                key,
                "https://www.dba.dk/" + key.substring(7),
                title,
                description,
                price,
                "København Ø",
                "2100",
                images,
                PUBLISHED,
                null);
    }

    static void pricePoint(String key, int version, long price, String kind, Instant at) {
        StoredRows.pricePoint(key, version, price, kind, at);
    }

    /** The query judged the listing RELEVANT with this deal score. */
    static void match(String queryId, String key, double score, String explanation) {
        StoredRows.match(queryId, key, 1, "RELEVANT", score, explanation);
    }

    /** An alert the job sent (and stored in the alert history) for the query and listing. */
    static void alert(String queryId, String key, String title) {
        StoredRows.alert(queryId, key, title, 77, PUBLISHED);
    }
}
