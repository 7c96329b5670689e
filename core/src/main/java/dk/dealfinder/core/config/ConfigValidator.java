package dk.dealfinder.core.config;

import dk.dealfinder.core.query.FieldProblem;
import dk.dealfinder.core.query.SavedQueryRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the values a bound configuration holds; each problem names its key. */
final class ConfigValidator {

    private ConfigValidator() {}

    static List<String> validate(DealfinderConfig c) {
        List<String> p = new ArrayList<>();
        if (c.job().parallelism() < 1) {
            p.add("job.parallelism: must be at least 1, got " + c.job().parallelism());
        }
        atLeast(p, "job.checkpointInterval", c.job().checkpointInterval(), Duration.ofSeconds(1));
        atLeast(p, "scraper.pollInterval", c.scraper().pollInterval(), Duration.ofMillis(100));
        atLeast(p, "scraper.requestTimeout", c.scraper().requestTimeout(), Duration.ofMillis(100));
        atLeast(
                p,
                "scraper.queryRefreshInterval",
                c.scraper().queryRefreshInterval(),
                Duration.ofMillis(100));
        if (c.scraper().goneChecksPerSweep() < 0) {
            p.add("scraper.goneChecksPerSweep: must not be negative (0 never checks)");
        }
        if (c.scraper().sweepEvery() < 0) {
            p.add("scraper.sweepEvery: must not be negative (0 never sweeps)");
        }
        if (c.scraper().sweepEvery() > 0
                && c.scraper().maxPagesPerSweep() < c.scraper().maxPagesPerPoll()) {
            p.add(
                    "scraper.maxPagesPerSweep: must be at least maxPagesPerPoll ("
                            + c.scraper().maxPagesPerPoll()
                            + "), got "
                            + c.scraper().maxPagesPerSweep());
        }
        if (c.scraper().maxPagesPerPoll() < 1) {
            p.add(
                    "scraper.maxPagesPerPoll: must be at least 1, got "
                            + c.scraper().maxPagesPerPoll());
        }
        if (c.sites() == null || c.sites().isEmpty()) {
            p.add("sites: at least one site is needed");
        } else {
            c.sites()
                    .forEach(
                            (name, site) -> {
                                httpUrl(
                                        p,
                                        "sites." + name + ".baseUrl",
                                        site == null ? null : site.baseUrl());
                                if (site != null
                                        && (site.currency() == null
                                                || !site.currency().matches("[A-Z]{3}"))) {
                                    p.add(
                                            "sites."
                                                    + name
                                                    + ".currency: must be an ISO 4217 code such as"
                                                    + " DKK, got '"
                                                    + (site.currency())
                                                    + "'");
                                }
                            });
        }
        String pgUrl = c.postgres().url();
        if (pgUrl == null || !pgUrl.startsWith("jdbc:postgresql://")) {
            p.add("postgres.url: must be a jdbc:postgresql:// URL, got '" + pgUrl + "'");
        }
        httpUrl(p, "alertServer.url", c.alertServer().url());
        if (c.alertServer().token() == null || c.alertServer().token().length() < 16) {
            p.add(
                    "alertServer.token: must be set (at least 16 characters; use"
                            + " ${DEALFINDER_ALERT_TOKEN})");
        }
        if (c.alertServer().port() < 0 || c.alertServer().port() > 65535) {
            p.add("alertServer.port: must be 0..65535, got " + c.alertServer().port());
        }
        if (c.kafka().enabled()
                && (c.kafka().rawTopic() == null || c.kafka().rawTopic().isBlank())) {
            p.add("kafka.rawTopic: must be set when kafka.bootstrapServers is");
        }
        validateDeals(p, c.deals());
        validateScoring(p, c.scoring());
        validateQueries(p, c);
        ServiceConfigChecks.scraper(p, c.scraper());
        ServiceConfigChecks.classifier(p, c.classifier());
        ServiceConfigChecks.qdrant(p, c.qdrant());
        return p;
    }

    private static void validateDeals(List<String> p, DealfinderConfig.Deals d) {
        atLeast(p, "deals.listingMemory", d.listingMemory(), Duration.ofMinutes(1));
        atLeast(p, "deals.alertMemory", d.alertMemory(), Duration.ofMinutes(1));
        atLeast(p, "deals.marketHorizon", d.marketHorizon(), Duration.ofDays(1));
        if (d.marketHorizon() != null && d.marketHorizon().toHours() % 24 != 0) {
            p.add("deals.marketHorizon: must be whole days such as 30d, got " + d.marketHorizon());
        }
        if (d.minComparables() < 1) {
            p.add("deals.minComparables: must be at least 1, got " + d.minComparables());
        }
        if (d.minPriceDropPercent() <= 0 || d.minPriceDropPercent() >= 100) {
            p.add(
                    "deals.minPriceDropPercent: must be above 0 and below 100, got "
                            + d.minPriceDropPercent());
        }
        atLeast(p, "deals.repostWindow", d.repostWindow(), Duration.ofMinutes(1));
        atLeast(p, "deals.imageHashCacheTtl", d.imageHashCacheTtl(), Duration.ofMinutes(1));
        try {
            java.time.ZoneId.of(d.digestTimeZone());
        } catch (RuntimeException e) {
            p.add("deals.digestTimeZone: not a time zone: '" + d.digestTimeZone() + "'");
        }
        if (d.digestSize() < 1) {
            p.add("deals.digestSize: must be at least 1, got " + d.digestSize());
        }
        if (d.imageHashDistance() < 0 || d.imageHashDistance() > 15) {
            p.add("deals.imageHashDistance: must be 0..15, got " + d.imageHashDistance());
        }
        String cache = d.imageHashCache();
        if (cache != null && !cache.isBlank() && !cache.matches("rediss?://.+")) {
            p.add("deals.imageHashCache: must be a redis:// URL or empty, got '" + cache + "'");
        }
        if (d.minPriceDropAmount() < 1) {
            p.add("deals.minPriceDropAmount: must be at least 1, got " + d.minPriceDropAmount());
        }
        if (d.comparables() != 0 && d.comparables() < d.minComparables()) {
            p.add(
                    "deals.comparables: must be 0 (off) or at least deals.minComparables ("
                            + d.minComparables()
                            + "), got "
                            + d.comparables());
        }
        atLeast(p, "deals.comparablesTimeout", d.comparablesTimeout(), Duration.ofMillis(10));
    }

    private static void validateScoring(List<String> p, DealfinderConfig.Scoring s) {
        double[] weights = {
            s.relevanceWeight(),
            s.priceWeight(),
            s.freshnessWeight(),
            s.conditionWeight(),
            s.sellerWeight(),
            s.distanceWeight()
        };
        String[] names = {
            "relevanceWeight",
            "priceWeight",
            "freshnessWeight",
            "conditionWeight",
            "sellerWeight",
            "distanceWeight"
        };
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                p.add("scoring." + names[i] + ": must not be negative, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (sum <= 0) {
            p.add("scoring: at least one weight must be positive");
        }
        atLeast(p, "scoring.freshnessHalfLife", s.freshnessHalfLife(), Duration.ofMinutes(1));
        if (s.dealerScore() < 0 || s.dealerScore() > 1) {
            p.add("scoring.dealerScore: must be between 0 and 1, got " + s.dealerScore());
        }
        if (!(s.distanceHalfLifeKm() > 0)) {
            p.add("scoring.distanceHalfLifeKm: must be positive, got " + s.distanceHalfLifeKm());
        }
    }

    private static void validateQueries(List<String> p, DealfinderConfig c) {
        if (c.queries() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.queries().size(); i++) {
            DealfinderConfig.Query q = c.queries().get(i);
            String key = "queries[" + i + "]";
            if (q.id() == null || q.id().isBlank()) {
                p.add(key + ".id: is required");
            } else if (!ids.add(q.id())) {
                p.add(key + ".id: '" + q.id() + "' is used by another query");
            }
            if (q.terms() == null || q.terms().isBlank()) {
                p.add(key + ".terms: is required (the words to search for)");
            }
            Set<String> sites = c.sites() == null ? Set.of() : c.sites().keySet();
            for (FieldProblem problem : SavedQueryRules.check(q.toSavedQuery(), sites)) {
                if (problem.field().equals("terms") || problem.field().equals("name")) {
                    continue; // reported above; the name defaults to the terms
                }
                p.add(key + "." + configName(problem.field()) + ": " + problem.problem());
            }
        }
    }

    /** The config file spells a few saved-query fields shorter than the API does. */
    private static String configName(String apiField) {
        return apiField.replace("includeKeywords", "include")
                .replace("excludeKeywords", "exclude")
                .replace("keywordExpression", "expression");
    }

    static void atLeast(List<String> p, String key, Duration value, Duration min) {
        if (value == null) {
            p.add(key + ": is required");
        } else if (value.compareTo(min) < 0) {
            p.add(
                    key
                            + ": must be at least "
                            + min.toMillis()
                            + "ms, got "
                            + value.toMillis()
                            + "ms");
        }
    }

    static void httpUrl(List<String> p, String key, String value) {
        try {
            URI uri = value == null ? null : URI.create(value);
            if (uri == null
                    || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                p.add(key + ": must be an http(s) URL, got '" + value + "'");
            }
        } catch (IllegalArgumentException e) {
            p.add(key + ": must be an http(s) URL, got '" + value + "'");
        }
    }
}
