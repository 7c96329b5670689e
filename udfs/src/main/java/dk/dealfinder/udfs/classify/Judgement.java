package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.match.QueryMatch;
import org.apache.flink.util.Preconditions;

/**
 * One provider's answer for one (listing, saved query): the seeds' {@code /classify} response.
 *
 * @param confidence 0..1
 * @param similarity cosine similarity of query and title embeddings when the local model ran, else
 *     NaN
 * @param reason one short sentence a user can read
 * @param modelId the model that answered
 * @param promptVersion the prompt template version for LLM answers, else empty
 * @param latencyMs time spent on this listing's share of its batch call
 * @param inputTokens this listing's share of the call's prompt tokens
 * @param outputTokens this listing's share of the call's completion tokens
 * @param costUsd this listing's share of the call's price
 */
public record Judgement(
        Verdict verdict,
        double confidence,
        double similarity,
        ListingAttributes attributes,
        String reason,
        Provider provider,
        String modelId,
        String promptVersion,
        long latencyMs,
        long inputTokens,
        long outputTokens,
        double costUsd) {

    public Judgement {
        Preconditions.checkNotNull(verdict, "verdict");
        Preconditions.checkArgument(
                confidence >= 0 && confidence <= 1, "confidence must be in 0..1: %s", confidence);
        attributes = attributes == null ? ListingAttributes.NONE : attributes;
        promptVersion = promptVersion == null ? "" : promptVersion;
    }

    /** A free judgement: no tokens, no cost. */
    public static Judgement free(
            Verdict verdict,
            double confidence,
            double similarity,
            ListingAttributes attributes,
            String reason,
            Provider provider,
            String modelId,
            long latencyMs) {
        return new Judgement(
                verdict,
                confidence,
                similarity,
                attributes,
                reason,
                provider,
                modelId,
                "",
                latencyMs,
                0,
                0,
                0);
    }

    public Judgement withSimilarity(double value) {
        return new Judgement(
                verdict,
                confidence,
                value,
                attributes,
                reason,
                provider,
                modelId,
                promptVersion,
                latencyMs,
                inputTokens,
                outputTokens,
                costUsd);
    }

    /** The matched listing with this verdict: what the rest of the job consumes. */
    public ClassifiedMatch toMatch(QueryMatch match) {
        return new ClassifiedMatch(
                match.listing(),
                match.query(),
                verdict,
                confidence,
                similarity,
                reason,
                modelId,
                attributes,
                provider.id(),
                match.priceInRange());
    }
}
