package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Common.PointId;
import java.util.UUID;

/**
 * Canonical keys for point ids. Qdrant treats a UUID in any letter case as the same id and sorts
 * integer ids before UUIDs; padded keys in a sorted map give the same order for scrolling.
 */
final class PointKeys {

    private PointKeys() {}

    static String keyOf(PointId id) {
        switch (id.getPointIdOptionsCase()) {
            case NUM:
                return String.format("n:%020d", id.getNum());
            case UUID:
                try {
                    return "u:" + UUID.fromString(id.getUuid());
                } catch (IllegalArgumentException e) {
                    throw QdrantDoubleException.invalid("Unable to parse UUID: " + id.getUuid());
                }
            default:
                throw QdrantDoubleException.invalid("point id is not set");
        }
    }
}
