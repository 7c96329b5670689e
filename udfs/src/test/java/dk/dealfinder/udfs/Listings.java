package dk.dealfinder.udfs;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
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

    /** {@code l} with another price. */
    public static Listing priced(Listing l, Long price) {
        return copy(
                l, l.title(), l.description(), price, l.imageUrls(), l.fetchedAt(), l.version());
    }

    /** {@code l} with another title and description. */
    public static Listing edited(Listing l, String title, String description) {
        return copy(l, title, description, l.price(), l.imageUrls(), l.fetchedAt(), l.version());
    }

    /** {@code l} with other images. */
    public static Listing withImages(Listing l, String... imageUrls) {
        return copy(
                l,
                l.title(),
                l.description(),
                l.price(),
                List.of(imageUrls),
                l.fetchedAt(),
                l.version());
    }

    /** {@code l} as scraped at {@code fetchedAt}. */
    public static Listing fetchedAt(Listing l, long fetchedAt) {
        return copy(
                l, l.title(), l.description(), l.price(), l.imageUrls(), fetchedAt, l.version());
    }

    /** {@code l} stamped with another version. */
    public static Listing version(Listing l, int version) {
        return copy(
                l, l.title(), l.description(), l.price(), l.imageUrls(), l.fetchedAt(), version);
    }

    private static Listing copy(
            Listing l,
            String title,
            String description,
            Long price,
            List<String> imageUrls,
            long fetchedAt,
            int version) {
        return new Listing(
                l.listingKey(),
                l.site(),
                l.adId(),
                l.url(),
                title,
                description,
                price,
                l.currency(),
                l.location(),
                l.postcode(),
                imageUrls,
                l.publishedAt(),
                fetchedAt,
                version);
    }

    /** {@code l} judged {@code verdict} for {@code q} with {@code confidence}. */
    public static ClassifiedMatch classified(
            Listing l, SavedQuery q, Verdict verdict, double confidence) {
        return new ClassifiedMatch(
                l, q, verdict, confidence, confidence, "matches '" + q.terms() + "'", "test-model");
    }

    public static SavedQuery query(String id, String terms, Long maxPrice, List<String> exclude) {
        return new SavedQuery(
                id, terms, terms, "dba.dk", null, maxPrice, List.of(), exclude, 50, true);
    }
}
