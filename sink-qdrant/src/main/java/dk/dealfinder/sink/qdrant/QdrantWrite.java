package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import java.util.Map;
import org.apache.flink.util.Preconditions;

/**
 * One change to a listing's Qdrant point, as the stream carries it into the {@link QdrantSink}
 * ({@link QdrantPointUpdates} emits them in the order they must be applied). A plain record, so
 * Flink serializes it without Kryo.
 *
 * @param kind what the write does
 * @param listingKey the listing whose point it changes
 * @param embedded for {@link Kind#UPSERT}: the listing version and its vector; null otherwise
 * @param verdicts for {@link Kind#UPSERT} and {@link Kind#SET_VERDICTS}: every saved query's
 *     verdict on the listing (query id to verdict name); empty otherwise
 * @param active for {@link Kind#UPSERT} and {@link Kind#SET_ACTIVE}: whether the listing is live
 */
public record QdrantWrite(
        Kind kind,
        String listingKey,
        EmbeddedListing embedded,
        Map<String, String> verdicts,
        boolean active) {

    /** What a write does to the point. */
    public enum Kind {
        /** Write vector and whole payload, replacing the point. */
        UPSERT,
        /** Replace the {@code verdicts} and {@code relevant_for} payload fields. */
        SET_VERDICTS,
        /** Set the {@code active} payload field. */
        SET_ACTIVE,
        /** Delete the point. */
        DELETE
    }

    public QdrantWrite {
        Preconditions.checkNotNull(kind, "kind");
        Preconditions.checkNotNull(listingKey, "listingKey");
        Preconditions.checkArgument(
                (kind == Kind.UPSERT) == (embedded != null),
                "an upsert, and only an upsert, carries an embedded listing");
        verdicts = verdicts == null ? Map.of() : verdicts;
    }

    public static QdrantWrite upsert(
            EmbeddedListing embedded, Map<String, String> verdicts, boolean active) {
        return new QdrantWrite(
                Kind.UPSERT, embedded.listing().listingKey(), embedded, verdicts, active);
    }

    public static QdrantWrite verdicts(String listingKey, Map<String, String> verdicts) {
        return new QdrantWrite(Kind.SET_VERDICTS, listingKey, null, verdicts, false);
    }

    public static QdrantWrite active(String listingKey, boolean active) {
        return new QdrantWrite(Kind.SET_ACTIVE, listingKey, null, Map.of(), active);
    }

    public static QdrantWrite delete(String listingKey) {
        return new QdrantWrite(Kind.DELETE, listingKey, null, Map.of(), false);
    }

    /** The point this write changes ({@link EmbeddedListing#pointIdOf}). */
    public String pointId() {
        return EmbeddedListing.pointIdOf(listingKey);
    }
}
