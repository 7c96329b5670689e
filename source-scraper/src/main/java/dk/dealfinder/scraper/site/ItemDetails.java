package dk.dealfinder.scraper.site;

import java.util.List;

/**
 * What an item page adds to a search result. Every field may be empty: pages differ, and a missing
 * field is tolerated, never fatal.
 *
 * @param description the ad's body text
 * @param imageUrls every photo, in the order the page shows them
 * @param postcode e.g. {@code 2100}
 * @param postalName e.g. {@code København Ø}
 * @param latitude WGS84, {@code NaN} when unknown
 * @param longitude WGS84, {@code NaN} when unknown
 * @param condition the site's condition text ("Brugt - god stand", "Ny", …)
 * @param category the site's category name
 * @param sellerType {@code private} or {@code dealer} as the site flags it
 * @param tradeType "Til salg", "Købes", …
 * @param inactive whether the page says the ad is no longer active
 */
public record ItemDetails(
        String description,
        List<String> imageUrls,
        String postcode,
        String postalName,
        double latitude,
        double longitude,
        String condition,
        String category,
        String sellerType,
        String tradeType,
        boolean inactive) {

    public ItemDetails {
        imageUrls = List.copyOf(imageUrls);
    }

    /** "2100 København Ø", or whichever half is known. */
    public String location() {
        return (postcode + " " + postalName).strip();
    }

    public boolean hasCoordinates() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }

    /** Each field from this one, or from {@code fallback} where this one is empty. */
    ItemDetails orElse(ItemDetails fallback) {
        return new ItemDetails(
                first(description, fallback.description),
                imageUrls.isEmpty() ? fallback.imageUrls : imageUrls,
                first(postcode, fallback.postcode),
                first(postalName, fallback.postalName),
                Double.isNaN(latitude) ? fallback.latitude : latitude,
                Double.isNaN(longitude) ? fallback.longitude : longitude,
                first(condition, fallback.condition),
                first(category, fallback.category),
                first(sellerType, fallback.sellerType),
                first(tradeType, fallback.tradeType),
                inactive || fallback.inactive);
    }

    static ItemDetails none() {
        return new ItemDetails(
                "", List.of(), "", "", Double.NaN, Double.NaN, "", "", "", "", false);
    }

    private static String first(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
