package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.query.DanishPostcodeCentres;
import dk.dealfinder.core.query.KeywordExpression;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The cheap checks that run before any model sees a listing, for one saved query: site, include and
 * exclude keywords, the keyword expression, age, area, seller type, at least one search term in the
 * text, and the price range. Built once per version of a query, so the keyword expression is parsed
 * once, not once per listing.
 *
 * <p>The price range is reported apart from the rest ({@link Outcome#PRICE_OUT_OF_RANGE}): such a
 * listing is no deal for the user, but its price still belongs in the query's market estimate.
 */
public final class StaticFilter {

    /** What the filter makes of one listing. */
    public enum Outcome {
        /** Passes every filter. */
        ACCEPTED,
        /** Passes every filter but the price range. */
        PRICE_OUT_OF_RANGE,
        /** Fails a filter other than the price range. */
        REJECTED
    }

    static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private final SavedQuery query;
    private final KeywordExpression expression;
    private final List<String> terms;
    private final List<String> include;
    private final List<String> exclude;

    private StaticFilter(SavedQuery query, KeywordExpression expression) {
        this.query = query;
        this.expression = expression;
        this.terms = Arrays.stream(fold(query.terms()).split("\\s+")).toList();
        this.include = query.includeKeywords().stream().map(StaticFilter::fold).toList();
        this.exclude = query.excludeKeywords().stream().map(StaticFilter::fold).toList();
    }

    /**
     * The filter for {@code query}. A keyword expression that does not parse (the API refuses them,
     * so only a hand-edited row can have one) makes the filter reject everything: matching nothing
     * is safer than ignoring a filter the user asked for.
     */
    public static StaticFilter of(SavedQuery query) {
        KeywordExpression expression;
        try {
            expression = KeywordExpression.parse(query.keywordExpression());
        } catch (KeywordExpression.InvalidExpressionException e) {
            expression = null;
        }
        return new StaticFilter(query, expression);
    }

    public SavedQuery query() {
        return query;
    }

    /** Whether the query's keyword expression could not be parsed, so nothing matches. */
    public boolean expressionInvalid() {
        return expression == null;
    }

    public Outcome check(Listing l) {
        if (!passesAllButPrice(l)) {
            return Outcome.REJECTED;
        }
        return inPriceRange(l.price()) ? Outcome.ACCEPTED : Outcome.PRICE_OUT_OF_RANGE;
    }

    private boolean passesAllButPrice(Listing l) {
        if (expression == null || !query.active() || !query.site().equals(l.site())) {
            return false;
        }
        if (!query.sellerType().accepts(l.sellerType())
                || !recentEnough(l)
                || !inArea(query.area(), l.postcode())) {
            return false;
        }
        String text = fold(l.text());
        if (include.stream().anyMatch(k -> !text.contains(k))
                || exclude.stream().anyMatch(text::contains)) {
            return false;
        }
        return terms.stream().anyMatch(text::contains) && expression.matches(l.text());
    }

    private boolean inPriceRange(Long price) {
        if (price == null) {
            return true;
        }
        return (query.minPrice() == null || price >= query.minPrice())
                && (query.maxPrice() == null || price <= query.maxPrice());
    }

    /**
     * Age is measured at the listing's own scrape time, not the wall clock, so a replay of the
     * archive filters exactly as the live run did.
     */
    private boolean recentEnough(Listing l) {
        Integer maxAgeDays = query.maxAgeDays();
        return maxAgeDays == null || l.fetchedAt() - l.publishedAt() <= maxAgeDays * DAY_MILLIS;
    }

    /**
     * In one of the listed postcodes, or within the radius of the centre postcode (by the
     * approximate {@link DanishPostcodeCentres}). A listing without a postcode, or with one that
     * cannot be placed, passes only a query without an area restriction.
     */
    static boolean inArea(SearchArea area, String postcode) {
        if (area.anywhere()) {
            return true;
        }
        if (postcode == null || postcode.isBlank()) {
            return false;
        }
        if (area.postcodes().contains(postcode)) {
            return true;
        }
        if (area.nearPostcode() == null || area.radiusKm() == null) {
            return false;
        }
        OptionalDouble km = DanishPostcodeCentres.distanceKm(area.nearPostcode(), postcode);
        return km.isPresent() && km.getAsDouble() <= area.radiusKm();
    }

    /** Lower-cased for case-insensitive comparison; Danish letters are kept as they are. */
    static String fold(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
