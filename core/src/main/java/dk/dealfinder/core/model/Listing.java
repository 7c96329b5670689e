package dk.dealfinder.core.model;

import java.util.List;

/**
 * A normalized listing: one version of one ad. {@link #listingKey()} identifies the ad across
 * versions; {@link #version()} changes whenever a field a user cares about changes.
 *
 * @param listingKey {@code site:adId}, stable across re-scrapes
 * @param site marketplace host key
 * @param adId the site's own id
 * @param url item page URL
 * @param title heading
 * @param description body text (may be empty)
 * @param price asking price in whole currency units; 0 for "gives væk"; null when not stated
 * @param currency ISO code, {@code DKK} on dba.dk
 * @param location free-text location
 * @param postcode four-digit Danish postcode when one could be read, else null
 * @param imageUrls image URLs
 * @param publishedAt epoch millis of publication (event time)
 * @param fetchedAt epoch millis when scraped
 * @param version content version: changes with price, title, description or images
 * @param sellerType private seller or dealer; null when the site did not say
 * @param category the site's category name; null when unknown
 * @param condition the condition as the site states it ("Brugt - god stand", "Ny"); null when the
 *     site did not say
 * @param latitude WGS84 latitude from the item page; null when unknown
 * @param longitude WGS84 longitude from the item page; null when unknown
 */
public record Listing(
        String listingKey,
        String site,
        String adId,
        String url,
        String title,
        String description,
        Long price,
        String currency,
        String location,
        String postcode,
        List<String> imageUrls,
        long publishedAt,
        long fetchedAt,
        int version,
        SellerType sellerType,
        String category,
        String condition,
        Double latitude,
        Double longitude) {

    /** A listing whose condition and coordinates are unknown. */
    public Listing(
            String listingKey,
            String site,
            String adId,
            String url,
            String title,
            String description,
            Long price,
            String currency,
            String location,
            String postcode,
            List<String> imageUrls,
            long publishedAt,
            long fetchedAt,
            int version,
            SellerType sellerType,
            String category) {
        this(
                listingKey,
                site,
                adId,
                url,
                title,
                description,
                price,
                currency,
                location,
                postcode,
                imageUrls,
                publishedAt,
                fetchedAt,
                version,
                sellerType,
                category,
                null,
                null,
                null);
    }

    /** A listing whose seller type, category, condition and coordinates are unknown. */
    public Listing(
            String listingKey,
            String site,
            String adId,
            String url,
            String title,
            String description,
            Long price,
            String currency,
            String location,
            String postcode,
            List<String> imageUrls,
            long publishedAt,
            long fetchedAt,
            int version) {
        this(
                listingKey,
                site,
                adId,
                url,
                title,
                description,
                price,
                currency,
                location,
                postcode,
                imageUrls,
                publishedAt,
                fetchedAt,
                version,
                null,
                null,
                null,
                null,
                null);
    }

    public static String keyOf(String site, String adId) {
        return site + ":" + adId;
    }

    /** Title and description, the text a classifier judges. */
    public String text() {
        return description == null || description.isBlank() ? title : title + "\n" + description;
    }

    /** Whether the item page gave the listing's coordinates. */
    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** This listing as version {@code newVersion}, every other field the same. */
    public Listing withVersion(int newVersion) {
        return new Listing(
                listingKey,
                site,
                adId,
                url,
                title,
                description,
                price,
                currency,
                location,
                postcode,
                imageUrls,
                publishedAt,
                fetchedAt,
                newVersion,
                sellerType,
                category,
                condition,
                latitude,
                longitude);
    }

    public String firstImageUrl() {
        return imageUrls == null || imageUrls.isEmpty() ? null : imageUrls.get(0);
    }
}
