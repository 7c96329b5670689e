package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.StoredRows;
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
        StoredRows.listing(
                key,
                "https://www." + site + "/" + adId,
                title + " " + tag,
                description,
                price,
                "Aarhus C",
                null,
                images,
                publishedAt,
                removedAt);
        return key;
    }

    static void pricePoint(String key, int version, Long price, String kind, Instant at) {
        StoredRows.pricePoint(key, version, price, kind, at);
    }

    /** The query scored one version of the listing. */
    static void match(
            String queryId,
            String key,
            int version,
            String verdict,
            double score,
            String explanation) {
        StoredRows.match(queryId, key, version, verdict, score, explanation);
    }

    /** An alert the job sent for the query; returns its id. */
    static String alert(String queryId, String key, String title, double score, Instant at) {
        return StoredRows.alert(queryId, key, title, score, at);
    }
}
