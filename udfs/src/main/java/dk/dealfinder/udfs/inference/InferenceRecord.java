package dk.dealfinder.udfs.inference;

/**
 * One classification decision, as logged in PostgreSQL {@code model_inferences}: which model
 * decided, why it was asked, what it cost. Keyed by (query, listing, version), so a replay writes
 * nothing new.
 *
 * @param provider rules, local, llm, clip or fallback
 * @param promptVersion the LLM prompt version, empty for other providers
 * @param latencyMs time the listing waited for its deciding model call
 * @param costUsd this listing's share of the call's price (0 for local and cache hits)
 * @param routingReason why this provider decided, e.g. {@code auto-uncertain}, {@code
 *     budget-exhausted}
 * @param cacheHit the answer came from the Redis cache (nothing was paid)
 * @param decidedAt epoch millis
 */
public record InferenceRecord(
        String queryId,
        String listingKey,
        int listingVersion,
        String provider,
        String modelId,
        String promptVersion,
        String verdict,
        double confidence,
        long latencyMs,
        long inputTokens,
        long outputTokens,
        double costUsd,
        String routingReason,
        boolean cacheHit,
        long decidedAt) {}
