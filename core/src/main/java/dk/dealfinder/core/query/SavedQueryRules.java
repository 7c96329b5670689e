package dk.dealfinder.core.query;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SearchArea;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a saved query valid, checked the same way for the config file and the REST API. Every
 * problem is reported at once, named by its field.
 */
public final class SavedQueryRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_TERMS = 200;
    public static final int MAX_KEYWORDS = 20;
    public static final int MAX_KEYWORD_LENGTH = 50;
    public static final int MAX_POSTCODES = 100;
    public static final int MAX_AGE_DAYS = 365;
    public static final int MAX_RADIUS_KM = 500;

    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}");

    private SavedQueryRules() {}

    /**
     * Problems with the query's content (not its id or owner, which the caller assigns).
     *
     * @param sites marketplaces the job knows; the query's site must be one of them
     */
    public static List<FieldProblem> check(SavedQuery q, Collection<String> sites) {
        List<FieldProblem> p = new ArrayList<>();
        text(p, "name", q.name(), MAX_NAME);
        text(p, "terms", q.terms(), MAX_TERMS);
        if (q.site() == null || !sites.contains(q.site())) {
            p.add(
                    new FieldProblem(
                            "site",
                            "'" + q.site() + "' is not one of the configured sites " + sites));
        }
        if (q.minPrice() != null && q.minPrice() < 0) {
            p.add(new FieldProblem("minPrice", "must not be negative, got " + q.minPrice()));
        }
        if (q.maxPrice() != null && q.maxPrice() < 0) {
            p.add(new FieldProblem("maxPrice", "must not be negative, got " + q.maxPrice()));
        }
        if (q.minPrice() != null && q.maxPrice() != null && q.minPrice() > q.maxPrice()) {
            p.add(
                    new FieldProblem(
                            "maxPrice",
                            "must not be below minPrice ("
                                    + q.maxPrice()
                                    + " < "
                                    + q.minPrice()
                                    + ")"));
        }
        keywords(p, "includeKeywords", q.includeKeywords());
        keywords(p, "excludeKeywords", q.excludeKeywords());
        try {
            KeywordExpression.parse(q.keywordExpression());
        } catch (KeywordExpression.InvalidExpressionException e) {
            p.add(new FieldProblem("keywordExpression", e.getMessage()));
        }
        if (q.maxAgeDays() != null && (q.maxAgeDays() < 1 || q.maxAgeDays() > MAX_AGE_DAYS)) {
            p.add(
                    new FieldProblem(
                            "maxAgeDays",
                            "must be between 1 and " + MAX_AGE_DAYS + ", got " + q.maxAgeDays()));
        }
        area(p, q.area());
        if (!(q.alertThreshold() >= 0 && q.alertThreshold() <= 100)) {
            p.add(
                    new FieldProblem(
                            "alertThreshold",
                            "must be between 0 and 100, got " + q.alertThreshold()));
        }
        return p;
    }

    private static void text(List<FieldProblem> p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            p.add(new FieldProblem(field, "is " + value.length() + " characters, at most " + max));
        }
    }

    private static void keywords(List<FieldProblem> p, String field, List<String> words) {
        if (words.size() > MAX_KEYWORDS) {
            p.add(
                    new FieldProblem(
                            field, "has " + words.size() + " entries, at most " + MAX_KEYWORDS));
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w == null || w.isBlank()) {
                p.add(new FieldProblem(field + "[" + i + "]", "is blank"));
            } else if (w.length() > MAX_KEYWORD_LENGTH) {
                p.add(
                        new FieldProblem(
                                field + "[" + i + "]",
                                "is " + w.length() + " characters, at most " + MAX_KEYWORD_LENGTH));
            }
        }
    }

    private static void area(List<FieldProblem> p, SearchArea area) {
        List<String> postcodes = area.postcodes();
        if (postcodes.size() > MAX_POSTCODES) {
            p.add(
                    new FieldProblem(
                            "postcodes",
                            "has " + postcodes.size() + " entries, at most " + MAX_POSTCODES));
        } else {
            for (int i = 0; i < postcodes.size(); i++) {
                if (!isPostcode(postcodes.get(i))) {
                    p.add(
                            new FieldProblem(
                                    "postcodes[" + i + "]",
                                    "'" + postcodes.get(i) + "' is not a four-digit postcode"));
                }
            }
        }
        boolean hasCentre = area.nearPostcode() != null;
        boolean hasRadius = area.radiusKm() != null;
        if (hasCentre && !isPostcode(area.nearPostcode())) {
            p.add(
                    new FieldProblem(
                            "nearPostcode",
                            "'" + area.nearPostcode() + "' is not a four-digit postcode"));
        } else if (hasCentre && !DanishPostcodeCentres.knows(area.nearPostcode())) {
            p.add(
                    new FieldProblem(
                            "nearPostcode",
                            "'" + area.nearPostcode() + "' is not a Danish postcode we can place"));
        }
        if (hasRadius && (area.radiusKm() < 1 || area.radiusKm() > MAX_RADIUS_KM)) {
            p.add(
                    new FieldProblem(
                            "radiusKm",
                            "must be between 1 and " + MAX_RADIUS_KM + ", got " + area.radiusKm()));
        }
        if (hasCentre != hasRadius) {
            p.add(
                    new FieldProblem(
                            hasCentre ? "radiusKm" : "nearPostcode",
                            "nearPostcode and radiusKm go together: give both or neither"));
        }
    }

    private static boolean isPostcode(String s) {
        return s != null && POSTCODE.matcher(s).matches();
    }
}
