package dk.dealfinder.udfs.inference;

import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.match.QueryMatch;

/**
 * What the async classifier emits: the judged match and the record of how it was judged. An async
 * function cannot write side outputs, so {@link InferenceLog} splits the two right after it.
 */
public record Classification(ClassifiedMatch match, InferenceRecord inference) {

    /** A match judged by {@code j}, logged with why that provider decided. */
    public static Classification of(
            QueryMatch m, Judgement j, String routingReason, boolean cacheHit, long decidedAt) {
        return new Classification(
                j.toMatch(m),
                new InferenceRecord(
                        m.query().id(),
                        m.listing().listingKey(),
                        m.listing().version(),
                        j.provider().id(),
                        j.modelId(),
                        j.promptVersion(),
                        j.verdict().name(),
                        j.confidence(),
                        j.latencyMs(),
                        j.inputTokens(),
                        j.outputTokens(),
                        j.costUsd(),
                        routingReason,
                        cacheHit,
                        decidedAt));
    }

    public boolean isFallback() {
        return "fallback".equals(inference.provider());
    }
}
