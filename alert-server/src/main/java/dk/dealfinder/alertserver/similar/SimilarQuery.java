package dk.dealfinder.alertserver.similar;

import dk.dealfinder.core.query.DanishPostcodeCentres;
import dk.dealfinder.core.query.SavedQueryRules;
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
 * @param near centre of the radius filter ({@code near=POSTCODE}), or null
 * @param radiusKm radius around {@code near} in km, or null
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
        DanishPostcodeCentres.Centre near,
        Integer radiusKm,
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
        String near = single(params, "near");
        Integer radiusKm = radiusKm(single(params, "radiusKm"));
        if ((near == null) != (radiusKm == null)) {
            throw new InvalidSimilarQueryException(
                    "'near' (a postcode) and 'radiusKm' go together: give both or neither");
        }
        DanishPostcodeCentres.Centre centre = null;
        if (near != null) {
            centre =
                    DanishPostcodeCentres.centre(near)
                            .orElseThrow(
                                    () ->
                                            new InvalidSimilarQueryException(
                                                    "'near' must be a Danish postcode we can"
                                                            + " place, got '"
                                                            + near
                                                            + "'"));
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
                centre,
                radiusKm,
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

    private static Integer radiusKm(String value) throws InvalidSimilarQueryException {
        if (value == null) {
            return null;
        }
        try {
            int km = Integer.parseInt(value);
            if (km >= 1 && km <= SavedQueryRules.MAX_RADIUS_KM) {
                return km;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSimilarQueryException(
                "'radiusKm' must be a whole number 1.." + SavedQueryRules.MAX_RADIUS_KM);
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
