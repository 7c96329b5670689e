package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.listings.ListingSearch;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The search box and filters as the browser sent them. Values that do not parse (a price of "abc")
 * are left out of the search rather than refused: the live box sends half-typed input.
 */
record SearchForm(Map<String, String> values, int page) {

    static final String TEXT = "q";
    static final String MIN_PRICE = "minPrice";
    static final String MAX_PRICE = "maxPrice";
    static final String SITE = "site";
    static final String SORT = "sort";
    static final String VERDICT = "verdict";
    static final String MIN_SCORE = "minScore";
    static final String QUERY = "query";
    static final String PAGE = "page";

    private static final int MAX_TEXT = 200;
    private static final String[] FIELDS = {
        TEXT, MIN_PRICE, MAX_PRICE, SITE, SORT, VERDICT, MIN_SCORE, QUERY
    };

    static SearchForm of(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            // PostgreSQL text cannot hold NUL; a typed form field never needs one.
            String value = ctx.queryParam(field);
            String stripped = value == null ? "" : value.replace("\u0000", "").strip();
            if (!stripped.isEmpty()) {
                values.put(
                        field,
                        stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped);
            }
        }
        return new SearchForm(Collections.unmodifiableMap(values), pageOf(ctx.queryParam(PAGE)));
    }

    /** The value as typed, or empty. */
    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether any filter beyond the search text is set (phones then keep the filters unfolded). */
    boolean filtered() {
        return values.keySet().stream().anyMatch(field -> !field.equals(TEXT));
    }

    ListingSearch toSearch() {
        return new ListingSearch(
                blankToNull(value(TEXT)),
                wholeNumber(value(MIN_PRICE)),
                wholeNumber(value(MAX_PRICE)),
                blankToNull(value(SITE)),
                blankToNull(value(QUERY)),
                blankToNull(value(VERDICT)),
                score(value(MIN_SCORE)),
                sort(value(SORT)),
                page,
                ListingSearch.DEFAULT_PAGE_SIZE);
    }

    /** The query string that repeats this search on another page, e.g. {@code ?q=cykel&page=2}. */
    String queryString(int page) {
        StringJoiner joined = new StringJoiner("&", "?", "");
        values.forEach((field, value) -> joined.add(field + "=" + WebLinks.queryValue(value)));
        if (page > 1) {
            joined.add(PAGE + "=" + page);
        }
        return joined.toString();
    }

    private static int pageOf(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Long wholeNumber(String value) {
        try {
            long n = Long.parseLong(value.replace(".", ""));
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double score(String value) {
        try {
            double s = Double.parseDouble(value.replace(',', '.'));
            return s >= 0 && s <= 100 ? s : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ListingSearch.Sort sort(String value) {
        try {
            return ListingSearch.Sort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ListingSearch.Sort.NEWEST;
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
