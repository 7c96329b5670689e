package dk.dealfinder.core.model;

import java.util.List;

/**
 * A bargain hunter's standing search. The scraper polls {@link #terms()} on {@link #site()}; the
 * job matches every listing against the static filters and alerts when the deal score reaches
 * {@link #alertThreshold()}.
 *
 * @param id stable id (primary key in PostgreSQL, or from the config file)
 * @param name what the user calls it
 * @param terms search terms sent to the marketplace and compared with listings by the classifier
 * @param site marketplace host key, e.g. {@code dba.dk}
 * @param minPrice lowest acceptable price, null for none
 * @param maxPrice highest acceptable price, null for none
 * @param includeKeywords every one must occur in title or description (case-insensitive)
 * @param excludeKeywords none may occur in title or description
 * @param alertThreshold deal score 0..100 at or above which an alert is sent
 * @param active paused queries are neither polled nor matched
 */
public record SavedQuery(
        String id,
        String name,
        String terms,
        String site,
        Long minPrice,
        Long maxPrice,
        List<String> includeKeywords,
        List<String> excludeKeywords,
        double alertThreshold,
        boolean active) {}
