package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.ListingPointFields;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectionBootstrapTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private QdrantDouble qdrant;
    private QdrantClient client;

    @BeforeEach
    void start() {
        qdrant = QdrantDouble.start();
        client = qdrant.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        qdrant.close();
    }

    @Test
    void createsAMissingCollectionWithThePayloadIndexes() throws Exception {
        CollectionSpec spec =
                new CollectionSpec("listings", 384, Distance.Cosine, ListingPayload.INDEXES);

        new CollectionBootstrap(client, spec, TIMEOUT).ensureCollection();

        VectorParams params =
                client.getCollectionInfoAsync("listings")
                        .get()
                        .getConfig()
                        .getParams()
                        .getVectorsConfig()
                        .getParams();
        assertThat(params.getSize()).isEqualTo(384);
        assertThat(params.getDistance()).isEqualTo(Distance.Cosine);
        assertThat(qdrant.payloadIndexes("listings"))
                .containsEntry(ListingPointFields.SITE, PayloadSchemaType.Keyword)
                .containsEntry(ListingPointFields.PRICE, PayloadSchemaType.Float)
                .containsEntry(ListingPointFields.PUBLISHED_AT, PayloadSchemaType.Datetime)
                .containsEntry(ListingPointFields.ACTIVE, PayloadSchemaType.Bool);
    }

    @Test
    void leavesAMatchingCollectionAsItIs() {
        CollectionSpec spec =
                new CollectionSpec("listings", 8, Distance.Cosine, ListingPayload.INDEXES);
        new CollectionBootstrap(client, spec, TIMEOUT).ensureCollection();
        qdrant.resetRequests();

        new CollectionBootstrap(client, spec, TIMEOUT).ensureCollection();

        assertThat(qdrant.requests(CollectionsGrpc.getCreateMethod())).isEmpty();
        assertThat(qdrant.requests()).hasSize(2);
    }

    @Test
    void refusesACollectionMadeForAnotherModelNamingBothSizes() throws Exception {
        client.createCollectionAsync(
                        "listings",
                        VectorParams.newBuilder().setSize(512).setDistance(Distance.Cosine).build())
                .get();
        CollectionSpec spec =
                new CollectionSpec("listings", 384, Distance.Cosine, ListingPayload.INDEXES);

        assertThatThrownBy(() -> new CollectionBootstrap(client, spec, TIMEOUT).ensureCollection())
                .isInstanceOf(QdrantSinkException.class)
                .hasMessageContaining("vector size 512")
                .hasMessageContaining("size 384");
    }
}
