package dk.dealfinder.alertserver.similar;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code /api/similar} request: like one listing ({@code listing=site:adId}) or like a
 * text ({@code text=...}), with optional filters.
 *
 * @param listingKey the listing to find neighbours of, or null
 * @param text the text to find listings like, or null
 * @param minPrice lowest asking price, or null
 * @param maxPrice highest asking price, or null
 * @param activeOnly leave out removed listings (the default)
 * @param site marketplace, or null for all
 * @param postcodes Danish postcodes to keep, empty for all
 * @param limit how many listings to return
 */
record SimilarQuery(
        String listingKey,
        String text,
        Long minPrice,
        Long maxPrice,
        boolean activeOnly,
        String site,
        List<String> postcodes,
        int limit) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int MAX_TEXT_CHARS = 1000;

    private static final Pattern POSTCODE = Pattern.compile("\\d{4}");

    static SimilarQuery parse(Map<String, List<String>> params)
            throws InvalidSimilarQueryException {
        String listing = single(params, "listing");
        String text = single(params, "text");
        if ((listing == null) == (text == null)) {
            throw new InvalidSimilarQueryException("give exactly one of 'listing' and 'text'");
        }
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            throw new InvalidSimilarQueryException(
                    "'text' is longer than " + MAX_TEXT_CHARS + " characters");
        }
        if (single(params, "radius") != null) {
            throw new InvalidSimilarQueryException(
                    "'radius' is not supported yet: listings carry no coordinates; filter by"
                            + " 'postcode' (one or more, comma-separated) instead");
        }
        Long minPrice = price(params, "minPrice");
        Long maxPrice = price(params, "maxPrice");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new InvalidSimilarQueryException("'minPrice' is above 'maxPrice'");
        }
        return new SimilarQuery(
                listing,
                text,
                minPrice,
                maxPrice,
                !"false".equals(single(params, "active")),
                single(params, "site"),
                postcodes(single(params, "postcode")),
                limit(single(params, "limit")));
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    private static Long price(Map<String, List<String>> params, String name)
            throws InvalidSimilarQueryException {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            long price = Long.parseLong(value);
            if (price < 0) {
                throw new NumberFormatException();
            }
            return price;
        } catch (NumberFormatException e) {
            throw new InvalidSimilarQueryException(
                    "'" + name + "' must be a whole, non-negative number of kroner");
        }
    }

    private static List<String> postcodes(String value) throws InvalidSimilarQueryException {
        if (value == null) {
            return List.of();
        }
        List<String> postcodes = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String postcode : postcodes) {
            if (!POSTCODE.matcher(postcode).matches()) {
                throw new InvalidSimilarQueryException(
                        "'postcode' must be four-digit Danish postcodes, comma-separated");
            }
        }
        return postcodes;
    }

    private static int limit(String value) throws InvalidSimilarQueryException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidSimilarQueryException("'limit' must be 1.." + MAX_LIMIT);
        }
    }
}
