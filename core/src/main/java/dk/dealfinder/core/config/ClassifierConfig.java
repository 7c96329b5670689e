package dk.dealfinder.core.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How listings are classified: the local model, batching, routing to a cloud LLM or Triton CLIP,
 * the cache and the daily budget. Section {@code classifier} of the configuration file.
 *
 * @param relevanceThreshold similarity at or above which the local model calls a listing RELEVANT
 */
public record ClassifierConfig(
        double relevanceThreshold,
        Batch batch,
        Async async,
        Embedding embedding,
        Knn knn,
        Routing routing,
        Cache cache,
        Llm llm,
        Clip clip)
        implements Serializable {

    /** Listings are sent in batches of at most {@code maxSize}, or after {@code maxDelay}. */
    public record Batch(int maxSize, Duration maxDelay, int concurrency) implements Serializable {}

    /** Flink's async operator around the classifier. */
    public record Async(Duration timeout, int capacity, int retryAttempts, Duration retryBackoff)
            implements Serializable {}

    /** An ONNX sentence-embedding model by path; empty {@code modelFile} means the bundled one. */
    public record Embedding(String modelFile, String tokenizerFile, String pooling)
            implements Serializable {

        public boolean bundled() {
            return modelFile == null || modelFile.isBlank();
        }
    }

    /** k-nearest-neighbour voting over labelled examples of a query. */
    public record Knn(int neighbours, int minExamples, int examplesPerQuery)
            implements Serializable {}

    /**
     * Which model decides: per saved query ({@code modes}: query id to mode) or {@code
     * defaultMode}, one of LOCAL, AUTO, LLM, CLIP. AUTO asks the LLM only below {@code
     * uncertainBelow} confidence or above {@code longTextTokens}, within {@code dailyBudgetUsd}.
     */
    public record Routing(
            String defaultMode,
            Map<String, String> modes,
            double uncertainBelow,
            int longTextTokens,
            double dailyBudgetUsd)
            implements Serializable {}

    /** Redis cache of paid answers; empty {@code redisUrl} disables it. */
    public record Cache(String redisUrl, Duration ttl) implements Serializable {}

    /**
     * An OpenAI-compatible chat endpoint; empty {@code baseUrl} means no LLM. The API key is read
     * from the environment variable named {@code apiKeyEnv}, never from this file.
     */
    public record Llm(
            String baseUrl,
            String model,
            String apiKeyEnv,
            int listingsPerPrompt,
            Duration requestTimeout,
            int maxAttempts,
            Duration maxRetryAfter,
            double inputUsdPerMillion,
            double outputUsdPerMillion)
            implements Serializable {

        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    /** Triton serving CLIP over KServe v2 gRPC at {@code target} (host:port); empty means off. */
    public record Clip(
            String target,
            String imageModel,
            String textModel,
            List<String> allowedImageHosts,
            int maxImageBytes,
            Duration timeout,
            int failuresToOpen,
            Duration openFor)
            implements Serializable {

        public boolean enabled() {
            return target != null && !target.isBlank();
        }
    }
}
