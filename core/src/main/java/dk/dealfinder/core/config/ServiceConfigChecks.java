package dk.dealfinder.core.config;

import static dk.dealfinder.core.config.ConfigValidator.atLeast;
import static dk.dealfinder.core.config.ConfigValidator.httpUrl;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Checks of the sections that configure how the job talks to the outside: the scraper's politeness,
 * the classifier's models and the Qdrant sink. Each problem names its key.
 */
final class ServiceConfigChecks {

    private static final Set<String> MODES = Set.of("LOCAL", "AUTO", "LLM", "CLIP");

    private ServiceConfigChecks() {}

    static void scraper(List<String> p, DealfinderConfig.Scraper s) {
        if (!(s.requestsPerSecondPerHost() > 0)) {
            p.add(
                    "scraper.requestsPerSecondPerHost: must be positive, got "
                            + s.requestsPerSecondPerHost());
        }
        positive(p, "scraper.burst", s.burst());
        positive(p, "scraper.maxAttempts", s.maxAttempts());
        positive(p, "scraper.breakerThreshold", s.breakerThreshold());
        atLeast(p, "scraper.initialBackoff", s.initialBackoff(), Duration.ZERO);
        atLeast(
                p,
                "scraper.maxBackoff",
                s.maxBackoff(),
                s.initialBackoff() == null ? Duration.ZERO : s.initialBackoff());
        atLeast(p, "scraper.maxInlineWait", s.maxInlineWait(), Duration.ZERO);
        atLeast(p, "scraper.breakerOpenFor", s.breakerOpenFor(), Duration.ofSeconds(1));
        atLeast(p, "scraper.robotsTtl", s.robotsTtl(), Duration.ofMinutes(1));
        if (s.browserPoolSize() < 0) {
            p.add("scraper.browserPoolSize: must be 0 (off) or more, got " + s.browserPoolSize());
        }
        List<String> proxies = s.proxies() == null ? List.of() : s.proxies();
        for (int i = 0; i < proxies.size(); i++) {
            if (proxies.get(i) == null || !proxies.get(i).matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
                p.add(
                        "scraper.proxies["
                                + i
                                + "]: must be host:port, got '"
                                + proxies.get(i)
                                + "'");
            }
        }
    }

    static void classifier(List<String> p, ClassifierConfig c) {
        if (!(c.relevanceThreshold() > 0 && c.relevanceThreshold() < 1)) {
            p.add(
                    "classifier.relevanceThreshold: must be between 0 and 1, got "
                            + c.relevanceThreshold());
        }
        positive(p, "classifier.batch.maxSize", c.batch().maxSize());
        positive(p, "classifier.batch.concurrency", c.batch().concurrency());
        atLeast(p, "classifier.batch.maxDelay", c.batch().maxDelay(), Duration.ZERO);
        atLeast(p, "classifier.async.timeout", c.async().timeout(), Duration.ofSeconds(1));
        if (c.async().capacity() < 2 * c.batch().maxSize() * c.batch().concurrency()) {
            p.add(
                    "classifier.async.capacity: must be at least 2 x batch.maxSize x"
                            + " batch.concurrency ("
                            + 2 * c.batch().maxSize() * c.batch().concurrency()
                            + "), got "
                            + c.async().capacity());
        }
        if (c.async().retryAttempts() < 0) {
            p.add("classifier.async.retryAttempts: must not be negative");
        }
        if (!c.embedding().bundled()
                && (c.embedding().tokenizerFile() == null
                        || c.embedding().tokenizerFile().isBlank())) {
            p.add("classifier.embedding.tokenizerFile: is required with embedding.modelFile");
        }
        if (!Set.of("mean", "cls").contains(c.embedding().pooling())) {
            p.add(
                    "classifier.embedding.pooling: must be mean or cls, got '"
                            + c.embedding().pooling()
                            + "'");
        }
        positive(p, "classifier.knn.neighbours", c.knn().neighbours());
        positive(p, "classifier.knn.minExamples", c.knn().minExamples());
        routing(p, c.routing());
        if (c.cache().redisUrl() != null
                && !c.cache().redisUrl().isBlank()
                && !c.cache().redisUrl().startsWith("redis")) {
            p.add(
                    "classifier.cache.redisUrl: must be a redis:// URL, got '"
                            + c.cache().redisUrl()
                            + "'");
        }
        atLeast(p, "classifier.cache.ttl", c.cache().ttl(), Duration.ofMinutes(1));
        if (c.llm().enabled()) {
            httpUrl(p, "classifier.llm.baseUrl", c.llm().baseUrl());
            positive(p, "classifier.llm.listingsPerPrompt", c.llm().listingsPerPrompt());
            positive(p, "classifier.llm.maxAttempts", c.llm().maxAttempts());
            if (c.llm().inputUsdPerMillion() < 0 || c.llm().outputUsdPerMillion() < 0) {
                p.add("classifier.llm: prices must not be negative");
            }
        }
        if (c.clip().enabled()) {
            if (!c.clip().target().matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
                p.add("classifier.clip.target: must be host:port, got '" + c.clip().target() + "'");
            }
            if (c.clip().allowedImageHosts() == null || c.clip().allowedImageHosts().isEmpty()) {
                p.add(
                        "classifier.clip.allowedImageHosts: name the marketplace's image hosts when"
                                + " clip.target is set");
            }
        }
    }

    private static void routing(List<String> p, ClassifierConfig.Routing r) {
        if (!MODES.contains(r.defaultMode())) {
            p.add(
                    "classifier.routing.defaultMode: must be one of "
                            + MODES
                            + ", got '"
                            + r.defaultMode()
                            + "'");
        }
        if (r.modes() != null) {
            r.modes()
                    .forEach(
                            (query, mode) -> {
                                if (!MODES.contains(mode)) {
                                    p.add(
                                            "classifier.routing.modes."
                                                    + query
                                                    + ": must be one of "
                                                    + MODES
                                                    + ", got '"
                                                    + mode
                                                    + "'");
                                }
                            });
        }
        if (r.uncertainBelow() < 0.5 || r.uncertainBelow() > 1) {
            p.add(
                    "classifier.routing.uncertainBelow: must be between 0.5 and 1, got "
                            + r.uncertainBelow());
        }
        positive(p, "classifier.routing.longTextTokens", r.longTextTokens());
        if (r.dailyBudgetUsd() < 0) {
            p.add("classifier.routing.dailyBudgetUsd: must not be negative");
        }
    }

    static void qdrant(List<String> p, QdrantConfig q) {
        if (!q.enabled()) {
            return;
        }
        if (q.port() < 1 || q.port() > 65535) {
            p.add("qdrant.port: must be 1..65535, got " + q.port());
        }
        if (q.collection() == null || !q.collection().matches("[A-Za-z0-9_\\-]+")) {
            p.add(
                    "qdrant.collection: must be letters, digits, '_' or '-', got '"
                            + q.collection()
                            + "'");
        }
        atLeast(p, "qdrant.callTimeout", q.callTimeout(), Duration.ofMillis(100));
        if (q.onRemoved() == null) {
            p.add("qdrant.onRemoved: must be deactivate or delete");
        }
        QdrantConfig.Batch b = q.batch();
        positive(p, "qdrant.batch.maxBatchSize", b.maxBatchSize());
        positive(p, "qdrant.batch.maxInFlightRequests", b.maxInFlightRequests());
        if (b.maxBufferedRequests() < b.maxBatchSize()) {
            p.add("qdrant.batch.maxBufferedRequests: must be at least batch.maxBatchSize");
        }
        if (b.maxBatchBytes() < 1 || b.maxBatchBytes() > 16L * 1024 * 1024) {
            p.add(
                    "qdrant.batch.maxBatchBytes: must be 1..16 MiB (Qdrant refuses requests over 32"
                            + " MiB), got "
                            + b.maxBatchBytes());
        }
        if (b.maxRecordBytes() < 1 || b.maxRecordBytes() > b.maxBatchBytes()) {
            p.add("qdrant.batch.maxRecordBytes: must be 1..batch.maxBatchBytes");
        }
        positive(p, "qdrant.retry.maxAttempts", q.retry().maxAttempts());
        atLeast(
                p,
                "qdrant.retry.maxBackoff",
                q.retry().maxBackoff(),
                q.retry().initialBackoff() == null ? Duration.ZERO : q.retry().initialBackoff());
    }

    private static void positive(List<String> p, String key, long value) {
        if (value < 1) {
            p.add(key + ": must be at least 1, got " + value);
        }
    }
}
