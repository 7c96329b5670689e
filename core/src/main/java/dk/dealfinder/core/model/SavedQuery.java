package dk.dealfinder.core.model;

import java.util.List;

/**
 * A bargain hunter's standing search. The scraper polls {@link #terms()} on {@link #site()}; the
 * job matches every listing against the static filters and alerts when the deal score reaches
 * {@link #alertThreshold()}.
 *
 * @param id stable id (primary key in PostgreSQL, or from the config file)
 * @param owner id of the user who owns it; null for queries declared in the config file
 * @param name what the user calls it
 * @param terms search terms sent to the marketplace and compared with listings by the classifier
 * @param site marketplace host key, e.g. {@code dba.dk}
 * @param minPrice lowest acceptable price, null for none
 * @param maxPrice highest acceptable price, null for none
 * @param includeKeywords every one must occur in title or description (case-insensitive)
 * @param excludeKeywords none may occur in title or description
 * @param keywordExpression a boolean expression over words with AND, OR, NOT and parentheses, e.g.
 *     {@code iphone AND (pro OR max) AND NOT cracked}; empty for none
 * @param maxAgeDays listings published longer ago than this are ignored; null for any age
 * @param area where the item may be
 * @param sellerType private sellers, dealers or both
 * @param modelMode which model judges this query's listings; null for the job's default
 * @param alertThreshold deal score 0..100 at or above which an alert is sent
 * @param digest how often the best deals are gathered into a digest
 * @param instantAlerts whether an alert is pushed the moment a deal is found
 * @param active paused queries are neither polled nor matched
 */
public record SavedQuery(
        String id,
        String owner,
        String name,
        String terms,
        String site,
        Long minPrice,
        Long maxPrice,
        List<String> includeKeywords,
        List<String> excludeKeywords,
        String keywordExpression,
        Integer maxAgeDays,
        SearchArea area,
        SellerType sellerType,
        ModelMode modelMode,
        double alertThreshold,
        DigestSchedule digest,
        boolean instantAlerts,
        boolean active) {

    public static final String DEFAULT_SITE = "dba.dk";
    public static final double DEFAULT_ALERT_THRESHOLD = 50.0;

    public SavedQuery {
        includeKeywords = includeKeywords == null ? List.of() : List.copyOf(includeKeywords);
        excludeKeywords = excludeKeywords == null ? List.of() : List.copyOf(excludeKeywords);
        keywordExpression = keywordExpression == null ? "" : keywordExpression.strip();
        area = area == null ? SearchArea.ANYWHERE : area;
        sellerType = sellerType == null ? SellerType.ANY : sellerType;
        digest = digest == null ? DigestSchedule.DAILY : digest;
    }

    /**
     * A query with only the original filters: no owner, keyword expression, age or area limit, any
     * seller, the job's default model, a daily digest and instant alerts.
     */
    public SavedQuery(
            String id,
            String name,
            String terms,
            String site,
            Long minPrice,
            Long maxPrice,
            List<String> includeKeywords,
            List<String> excludeKeywords,
            double alertThreshold,
            boolean active) {
        this(
                id,
                null,
                name,
                terms,
                site,
                minPrice,
                maxPrice,
                includeKeywords,
                excludeKeywords,
                "",
                null,
                SearchArea.ANYWHERE,
                SellerType.ANY,
                null,
                alertThreshold,
                DigestSchedule.DAILY,
                true,
                active);
    }

    /**
     * A query from input where any setting may be missing (the config file, an API body): the name
     * defaults to the terms, the site to dba.dk, the threshold to 50, instant alerts and active to
     * true; text is trimmed and a blank centre postcode means none.
     */
    public static SavedQuery fromInput(
            String id,
            String owner,
            String name,
            String terms,
            String site,
            Long minPrice,
            Long maxPrice,
            List<String> includeKeywords,
            List<String> excludeKeywords,
            String keywordExpression,
            Integer maxAgeDays,
            List<String> postcodes,
            String nearPostcode,
            Integer radiusKm,
            SellerType sellerType,
            ModelMode modelMode,
            Double alertThreshold,
            DigestSchedule digest,
            Boolean instantAlerts,
            Boolean active) {
        String trimmedTerms = terms == null ? null : terms.strip();
        return new SavedQuery(
                id,
                owner,
                name == null || name.isBlank() ? trimmedTerms : name.strip(),
                trimmedTerms,
                site == null ? DEFAULT_SITE : site,
                minPrice,
                maxPrice,
                includeKeywords,
                excludeKeywords,
                keywordExpression,
                maxAgeDays,
                new SearchArea(
                        postcodes,
                        nearPostcode == null || nearPostcode.isBlank()
                                ? null
                                : nearPostcode.strip(),
                        radiusKm),
                sellerType,
                modelMode,
                alertThreshold == null ? DEFAULT_ALERT_THRESHOLD : alertThreshold,
                digest,
                instantAlerts == null || instantAlerts,
                active == null || active);
    }

    /** This query with other delivery settings. */
    public SavedQuery withDelivery(DigestSchedule newDigest, boolean newInstantAlerts) {
        return new SavedQuery(
                id,
                owner,
                name,
                terms,
                site,
                minPrice,
                maxPrice,
                includeKeywords,
                excludeKeywords,
                keywordExpression,
                maxAgeDays,
                area,
                sellerType,
                modelMode,
                alertThreshold,
                newDigest,
                newInstantAlerts,
                active);
    }

    public SavedQuery withOwner(String newOwner) {
        return new SavedQuery(
                id,
                newOwner,
                name,
                terms,
                site,
                minPrice,
                maxPrice,
                includeKeywords,
                excludeKeywords,
                keywordExpression,
                maxAgeDays,
                area,
                sellerType,
                modelMode,
                alertThreshold,
                digest,
                instantAlerts,
                active);
    }
}
