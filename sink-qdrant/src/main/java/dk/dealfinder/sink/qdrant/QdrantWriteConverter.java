package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;

import dk.dealfinder.core.model.EmbeddedListing;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.util.Preconditions;

/** Turns a {@link QdrantWrite} into the request entry the sink buffers, batches and checkpoints. */
public final class QdrantWriteConverter implements ElementConverter<QdrantWrite, QdrantPointWrite> {

    private static final long serialVersionUID = 1L;

    @Override
    public QdrantPointWrite apply(QdrantWrite write, SinkWriter.Context context) {
        switch (write.kind()) {
            case UPSERT:
                return upsert(write.embedded(), write.verdicts(), write.active());
            case SET_VERDICTS:
                return QdrantPointWrite.setVerdicts(write.listingKey(), write.verdicts());
            case SET_ACTIVE:
                return write.active()
                        ? QdrantPointWrite.activate(write.listingKey())
                        : QdrantPointWrite.deactivate(write.listingKey());
            case DELETE:
                return QdrantPointWrite.delete(write.listingKey());
            default:
                throw new IllegalArgumentException("unknown Qdrant write " + write.kind());
        }
    }

    /**
     * The upsert of a listing version's point. The point id comes from the listing key alone
     * ({@link EmbeddedListing#pointIdOf}), so every version, replay and restart overwrites the same
     * point.
     */
    static QdrantPointWrite upsert(
            EmbeddedListing embedded, Map<String, String> verdicts, boolean active) {
        Preconditions.checkArgument(
                embedded.vector() != null && embedded.vector().length > 0,
                "listing %s has no embedding",
                embedded.listing().listingKey());
        PointStruct point =
                PointStruct.newBuilder()
                        .setId(id(UUID.fromString(embedded.pointId())))
                        .setVectors(vectors(embedded.vector()))
                        .putAllPayload(ListingPayload.of(embedded, verdicts, active))
                        .build();
        return QdrantPointWrite.upsert(point);
    }
}
