package dk.dealfinder.udfs;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import java.util.List;

/** Small builders for test listings and queries. */
public final class Listings {

    private Listings() {}

    public static Listing listing(String adId, String title, Long price) {
        return new Listing(
                Listing.keyOf("dba.dk", adId),
                "dba.dk",
                adId,
                "https://www.dba.dk/recommerce/forsale/item/" + adId,
                title,
                "",
                price,
                "DKK",
                "2100 København Ø",
                "2100",
                List.of(),
                1_000L,
                2_000L,
                1);
    }

    public static SavedQuery query(String id, String terms, Long maxPrice, List<String> exclude) {
        return new SavedQuery(
                id, terms, terms, "dba.dk", null, maxPrice, List.of(), exclude, 50, true);
    }
}
