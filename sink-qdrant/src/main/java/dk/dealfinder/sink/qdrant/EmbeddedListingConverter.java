package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;

import dk.dealfinder.core.model.EmbeddedListing;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.util.Preconditions;

/**
 * Turns a listing version into an upsert of its point. The point id comes from the listing key
 * alone ({@link EmbeddedListing#pointIdOf}), so every version, replay and restart overwrites the
 * same point.
 */
public final class EmbeddedListingConverter
        implements ElementConverter<EmbeddedListing, QdrantPointWrite> {

    private static final long serialVersionUID = 1L;

    @Override
    public QdrantPointWrite apply(EmbeddedListing embedded, SinkWriter.Context context) {
        Preconditions.checkArgument(
                embedded.vector() != null && embedded.vector().length > 0,
                "listing %s has no embedding",
                embedded.listing().listingKey());
        PointStruct point =
                PointStruct.newBuilder()
                        .setId(id(UUID.fromString(embedded.pointId())))
                        .setVectors(vectors(embedded.vector()))
                        .putAllPayload(ListingPayload.of(embedded))
                        .build();
        return QdrantPointWrite.upsert(point);
    }
}
