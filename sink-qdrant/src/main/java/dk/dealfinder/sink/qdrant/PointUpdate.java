package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.ListingChange;
import org.apache.flink.util.Preconditions;

/**
 * What changes a listing's Qdrant point besides a new embedding: a saved query's verdict on the
 * listing, or the listing's removal or relisting. The second input of {@link QdrantPointUpdates}.
 *
 * @param kind what happened
 * @param listingKey the listing
 * @param queryId for a verdict: the saved query that judged; null otherwise
 * @param verdict for a verdict: its name, e.g. {@code RELEVANT}; null otherwise
 * @param version for a removal or relisting: the listing version it made; 0 for a verdict
 * @param observedAt epoch millis of the observation behind it; of two verdicts of one query on one
 *     listing, the later observation wins
 */
public record PointUpdate(
        Kind kind,
        String listingKey,
        String queryId,
        String verdict,
        int version,
        long observedAt) {

    /** What happened to the listing. */
    public enum Kind {
        VERDICT,
        REMOVED,
        RELISTED
    }

    public PointUpdate {
        Preconditions.checkNotNull(kind, "kind");
        Preconditions.checkNotNull(listingKey, "listingKey");
        if (kind == Kind.VERDICT) {
            Preconditions.checkArgument(
                    queryId != null && verdict != null && !verdict.isBlank(),
                    "a verdict on %s needs a query id and a verdict",
                    listingKey);
        }
    }

    /** A saved query's verdict on a listing (e.g. from a classified match). */
    public static PointUpdate verdict(
            String listingKey, String queryId, String verdict, long observedAt) {
        return new PointUpdate(Kind.VERDICT, listingKey, queryId, verdict, 0, observedAt);
    }

    /** Whether {@code change} is one {@link #of} accepts: a removal or a relisting. */
    public static boolean concerns(ListingChange change) {
        return change.kind() == ChangeKind.REMOVED || change.kind() == ChangeKind.RELISTED;
    }

    /** A removal or relisting, from the change detector. */
    public static PointUpdate of(ListingChange change) {
        Preconditions.checkArgument(
                concerns(change), "only a removal or relisting updates a point, got %s", change);
        return new PointUpdate(
                change.kind() == ChangeKind.REMOVED ? Kind.REMOVED : Kind.RELISTED,
                change.listing().listingKey(),
                null,
                null,
                change.listing().version(),
                change.detectedAt());
    }
}
