package dk.dealfinder.core.model;

import java.util.List;

/**
 * A listing exactly as a marketplace adapter scraped it: strings as the site printed them, nothing
 * interpreted yet. The normalizer turns it into a {@link Listing}; anything it cannot interpret
 * goes to the dead-letter output instead of failing the job.
 *
 * @param site marketplace host key, e.g. {@code dba.dk}
 * @param adId the site's own id of the ad
 * @param url canonical URL of the item page
 * @param title heading of the ad
 * @param description body text, empty when only the search result was fetched
 * @param priceText price as printed or as the API gave it ({@code "1.250 kr."}, {@code "1250"},
 *     {@code "Gives væk"})
 * @param currency ISO currency code when the site states one, else empty
 * @param location free-text location ("2100 København Ø")
 * @param publishedText publish time as printed or as epoch millis ({@code "i dag 14:32"})
 * @param imageUrls image URLs in the order the site shows them
 * @param tradeType the site's trade type ("Til salg", "Købes", …) or empty
 * @param fetchedAt epoch millis when the scraper fetched the page
 * @param sellerType private seller or dealer, as the adapter read the site's flag; null when the
 *     site did not say (the one field the adapter interprets, since only it knows the site's words)
 * @param category the site's category name; null when unknown
 * @param condition the site's condition text ("Brugt - god stand"); null when unknown
 * @param latitude WGS84 latitude from the item page; null when unknown
 * @param longitude WGS84 longitude from the item page; null when unknown
 * @param goneReason set when this record is not a sighting but the site's word that the ad is gone
 *     ("404", "410", "inactive"); then only site, ad id, url and fetch time mean anything. Null for
 *     a sighting.
 */
public record RawListing(
        String site,
        String adId,
        String url,
        String title,
        String description,
        String priceText,
        String currency,
        String location,
        String publishedText,
        List<String> imageUrls,
        String tradeType,
        long fetchedAt,
        SellerType sellerType,
        String category,
        String condition,
        Double latitude,
        Double longitude,
        String goneReason) {

    /** A sighting whose condition and coordinates are unknown. */
    public RawListing(
            String site,
            String adId,
            String url,
            String title,
            String description,
            String priceText,
            String currency,
            String location,
            String publishedText,
            List<String> imageUrls,
            String tradeType,
            long fetchedAt,
            SellerType sellerType,
            String category) {
        this(
                site,
                adId,
                url,
                title,
                description,
                priceText,
                currency,
                location,
                publishedText,
                imageUrls,
                tradeType,
                fetchedAt,
                sellerType,
                category,
                null,
                null,
                null,
                null);
    }

    /**
     * The site's word that an ad is gone: its item page answered 404 or 410, or says the ad is no
     * longer active.
     */
    public static RawListing gone(
            String site, String adId, String url, String reason, long fetchedAt) {
        return new RawListing(
                site, adId, url, null, null, null, null, null, null, List.of(), null, fetchedAt,
                null, null, null, null, null, reason);
    }

    /** Whether this record says the ad is gone rather than showing it. */
    public boolean reportsGone() {
        return goneReason != null;
    }

    /** A listing whose seller type and category are unknown (search results that lack them). */
    public RawListing(
            String site,
            String adId,
            String url,
            String title,
            String description,
            String priceText,
            String currency,
            String location,
            String publishedText,
            List<String> imageUrls,
            String tradeType,
            long fetchedAt) {
        this(
                site,
                adId,
                url,
                title,
                description,
                priceText,
                currency,
                location,
                publishedText,
                imageUrls,
                tradeType,
                fetchedAt,
                null,
                null);
    }
}
