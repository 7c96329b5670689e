package dk.dealfinder.udfs.inference;

/**
 * A labelled example for the local model's kNN vote, as stored in PostgreSQL {@code labels}.
 *
 * @param source {@code llm} (a cloud verdict) or {@code user}
 */
public record LabelRecord(
        String queryId,
        String listingKey,
        int listingVersion,
        String title,
        String verdict,
        String source,
        String modelId,
        double confidence,
        long createdAt) {}
