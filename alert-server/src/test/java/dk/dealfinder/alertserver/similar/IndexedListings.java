package dk.dealfinder.alertserver.similar;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.query.DanishPostcodeCentres;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Listings in the Qdrant protocol double as the Flink job's QdrantSink writes them: point id from
 * the listing key, the title embedded with the same local model, the same payload names.
 */
public final class IndexedListings {

    public static final String COLLECTION = "listings";

    private IndexedListings() {}

    /** Creates the collection and stores the points. */
    public static void index(QdrantDouble qdrant, List<PointStruct> points) throws Exception {
        try (QdrantClient client = qdrant.newClient()) {
            client.createCollectionAsync(
                            COLLECTION,
                            VectorParams.newBuilder()
                                    .setSize(TextEmbedder.shared().dimension())
                                    .setDistance(Distance.Cosine)
                                    .build())
                    .get();
            client.upsertAsync(COLLECTION, points).get();
        }
    }

    /** One listing's point; {@code postcode} must be one the postcode table can place. */
    public static PointStruct point(
            String key, String title, double price, String postcode, boolean active) {
        DanishPostcodeCentres.Centre centre = DanishPostcodeCentres.centre(postcode).orElseThrow();
        return PointStruct.newBuilder()
                .setId(id(UUID.fromString(EmbeddedListing.pointIdOf(key))))
                .setVectors(vectors(TextEmbedder.shared().embed(title)))
                .putPayload("listing_key", value(key))
                .putPayload("site", value(key.substring(0, key.indexOf(':'))))
                .putPayload("title", value(title))
                .putPayload("price", value(price))
                .putPayload("currency", value("DKK"))
                .putPayload("postcode", value(postcode))
                .putPayload(
                        "location",
                        value(
                                Map.of(
                                        "lat", value(centre.latitude()),
                                        "lon", value(centre.longitude()))))
                .putPayload(
                        "url",
                        value(
                                "https://www.dba.dk/recommerce/forsale/item/"
                                        + key.substring(key.indexOf(':') + 1)))
                .putPayload("active", value(active))
                .putPayload("published_at", value("2026-03-01T10:00:00Z"))
                .build();
    }
}
