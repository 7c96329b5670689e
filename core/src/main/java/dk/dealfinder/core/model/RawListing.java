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
        String category) {

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
