package dk.dealfinder.job;

import dk.dealfinder.core.config.ClassifierConfig;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.udfs.async.BatchSettings;
import dk.dealfinder.udfs.classify.LocalSettings;
import dk.dealfinder.udfs.inference.ClassifierSettings;
import dk.dealfinder.udfs.inference.LabelStore;
import dk.dealfinder.udfs.inference.RoutingSettings;
import dk.dealfinder.udfs.inference.llm.LlmPrices;
import dk.dealfinder.udfs.inference.llm.LlmSettings;
import dk.dealfinder.udfs.inference.triton.ClipSettings;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The classifier's settings as the {@code classifier} section of the configuration describes them.
 */
final class ClassifierWiring {

    private ClassifierWiring() {}

    static ClassifierSettings settings(DealfinderConfig config) {
        ClassifierConfig c = config.classifier();
        DealfinderConfig.Postgres pg = config.postgres();
        return new ClassifierSettings(
                batching(c),
                new LocalSettings(
                        c.relevanceThreshold(),
                        c.knn().neighbours(),
                        c.knn().minExamples(),
                        c.knn().examplesPerQuery()),
                c.embedding().bundled()
                        ? EmbeddingModelSpec.BUNDLED
                        : new EmbeddingModelSpec(
                                c.embedding().modelFile(),
                                c.embedding().tokenizerFile(),
                                c.embedding().pooling()),
                routing(c),
                c.llm().enabled() ? llm(c.llm()) : null,
                c.clip().enabled() ? clip(c.clip()) : null,
                new LabelStore(pg.url(), pg.user(), pg.password()));
    }

    static BatchSettings batching(ClassifierConfig c) {
        return new BatchSettings(
                c.batch().maxSize(), c.batch().maxDelay(), c.batch().concurrency());
    }

    private static RoutingSettings routing(ClassifierConfig c) {
        ClassifierConfig.Routing r = c.routing();
        Map<String, ModelMode> modes =
                (r.modes() == null ? Map.<String, String>of() : r.modes())
                        .entrySet().stream()
                                .collect(
                                        Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> ModelMode.valueOf(e.getValue())));
        String redis = c.cache().redisUrl();
        return new RoutingSettings(
                modes,
                ModelMode.valueOf(r.defaultMode()),
                r.uncertainBelow(),
                r.longTextTokens(),
                r.dailyBudgetUsd(),
                redis == null || redis.isBlank() ? null : redis,
                c.cache().ttl());
    }

    private static LlmSettings llm(ClassifierConfig.Llm l) {
        return new LlmSettings(
                l.baseUrl(),
                l.model(),
                l.apiKeyEnv(),
                l.listingsPerPrompt(),
                l.requestTimeout(),
                l.maxAttempts(),
                l.maxRetryAfter(),
                new LlmPrices(l.inputUsdPerMillion(), l.outputUsdPerMillion()));
    }

    private static ClipSettings clip(ClassifierConfig.Clip c) {
        return new ClipSettings(
                c.target(),
                c.imageModel(),
                c.textModel(),
                new HashSet<>(c.allowedImageHosts()),
                c.maxImageBytes(),
                c.timeout(),
                c.failuresToOpen(),
                c.openFor());
    }
}
