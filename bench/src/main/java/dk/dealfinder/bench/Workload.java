package dk.dealfinder.bench;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.testkit.marketplace.MarketListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic input for the benchmarks: the LocalMarketplace's generated Danish catalogue (decoys
 * included), repeated under fresh ad ids to reach the size a benchmark needs, and saved queries
 * that cover its main categories the way users' queries would.
 */
final class Workload {

    static final List<SavedQuery> QUERIES =
            List.of(
                    query("iphone", "iPhone", 6000),
                    query("lego", "Lego Technic", 4000),
                    query("racer", "racercykel", 8000),
                    query("sofa", "sofa", 5000),
                    query("macbook", "MacBook", 9000),
                    query("ps5", "PlayStation 5", 4000));

    private Workload() {}

    private static SavedQuery query(String id, String terms, long maxPrice) {
        return new SavedQuery(
                id, terms, terms, "dba.dk", null, maxPrice, List.of(), List.of(), 50, true);
    }

    /**
     * {@code n} raw listings, cycling through the catalogue with a fresh ad id each time round.
     * They carry no photos: repeated photos would (rightly) make the repost stage drop every round
     * after the first, and the benchmarks measure the path every new listing takes.
     */
    static List<RawListing> rawListings(List<MarketListing> catalogue, String baseUrl, int n) {
        long now = System.currentTimeMillis();
        List<RawListing> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MarketListing m = catalogue.get(i % catalogue.size());
            String adId = Long.toString(m.id() + (long) (i / catalogue.size()) * 1_000_000_000L);
            long published =
                    m.publishedAt().isAfter(Instant.ofEpochMilli(now))
                            ? now
                            : m.publishedAt().toEpochMilli();
            out.add(
                    new RawListing(
                            "dba.dk",
                            adId,
                            baseUrl + "/recommerce/forsale/item/" + adId,
                            m.title(),
                            m.description(),
                            Long.toString(m.price()),
                            "DKK",
                            m.postcode() + " " + m.city(),
                            Long.toString(published),
                            List.of(),
                            m.tradeType(),
                            now));
        }
        return out;
    }

    /**
     * {@code n} normalized listings from the catalogue, under fresh ad ids each time round, for the
     * benchmarks of one stage (sink, classifier) that start after normalization.
     */
    static List<Listing> listings(List<MarketListing> catalogue, int n) {
        long now = System.currentTimeMillis();
        List<Listing> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MarketListing m = catalogue.get(i % catalogue.size());
            String adId = Long.toString(m.id() + (long) (i / catalogue.size()) * 1_000_000_000L);
            out.add(
                    new Listing(
                            Listing.keyOf("dba.dk", adId),
                            "dba.dk",
                            adId,
                            "https://www.dba.dk/recommerce/forsale/item/" + adId,
                            m.title(),
                            m.description(),
                            m.price(),
                            "DKK",
                            m.city(),
                            m.postcode(),
                            List.of(),
                            Math.min(now, m.publishedAt().toEpochMilli()),
                            now,
                            1));
        }
        return out;
    }

    /** The same listings under other ad ids, so the change detector sees them as new. */
    static List<RawListing> withIdsShifted(List<RawListing> raw, long offset) {
        return raw.stream()
                .map(
                        r ->
                                new RawListing(
                                        r.site(),
                                        Long.toString(Long.parseLong(r.adId()) + offset),
                                        r.url(),
                                        r.title(),
                                        r.description(),
                                        r.priceText(),
                                        r.currency(),
                                        r.location(),
                                        r.publishedText(),
                                        r.imageUrls(),
                                        r.tradeType(),
                                        r.fetchedAt()))
                .toList();
    }
}
