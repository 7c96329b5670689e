package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cheap checks that run before any model sees a listing: site, price range, include and exclude
 * keywords, and at least one search term in the text.
 */
public final class StaticFilter {

    private StaticFilter() {}

    public static boolean accepts(SavedQuery q, Listing l) {
        if (!q.active() || !q.site().equals(l.site())) {
            return false;
        }
        if (l.price() != null) {
            if (q.minPrice() != null && l.price() < q.minPrice()) {
                return false;
            }
            if (q.maxPrice() != null && l.price() > q.maxPrice()) {
                return false;
            }
        }
        String text = fold(l.text());
        if (q.includeKeywords().stream().anyMatch(k -> !text.contains(fold(k)))) {
            return false;
        }
        if (q.excludeKeywords().stream().anyMatch(k -> text.contains(fold(k)))) {
            return false;
        }
        return Arrays.stream(fold(q.terms()).split("\\s+")).anyMatch(text::contains);
    }

    /** Lower-cased for case-insensitive comparison; Danish letters are kept as they are. */
    static String fold(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
