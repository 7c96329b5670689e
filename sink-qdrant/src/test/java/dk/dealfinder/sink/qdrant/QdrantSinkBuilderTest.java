package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.grpc.Collections.Distance;
import java.util.List;
import org.junit.jupiter.api.Test;

class QdrantSinkBuilderTest {

    @Test
    void defaultsToBatchesOf128PointsWaitingForQdrantToApplyThem() {
        QdrantSink<?> sink =
                QdrantSink.forListings()
                        .setEndpoint("qdrant", 6334, false)
                        .setCollection("listings", 384, Distance.Cosine)
                        .build();

        assertThat(QdrantBatching.DEFAULT.maxBatchSize()).isEqualTo(128);
        assertThat(QdrantBatching.DEFAULT.maxBatchSizeInBytes())
                .isLessThan(QdrantBatching.QDRANT_REQUEST_LIMIT_BYTES);
        assertThat(sink.options().waitForApply()).isTrue();
        assertThat(sink.options().collection().payloadIndexes()).isEqualTo(ListingPayload.INDEXES);
        assertThat(sink.options().connection().apiKeyEnvVar()).isEqualTo("QDRANT_API_KEY");
    }

    @Test
    void anUnwaitedSinkSendsWaitFalse() {
        QdrantSink<?> sink =
                QdrantSink.forListings()
                        .setEndpoint("qdrant", 6334, false)
                        .setCollection("listings", 384, Distance.Cosine)
                        .setWait(false)
                        .build();
        QdrantPointWrite write =
                new EmbeddedListingConverter().apply(TestListings.embedded(1, 1), null);

        assertThat(
                        QdrantWriteRequests.upsert(
                                        "listings", sink.options().waitForApply(), List.of(write))
                                .getWait())
                .isFalse();
    }

    @Test
    void refusesIncompleteOrUnsafeSettingsWithTheReason() {
        assertThatThrownBy(
                        () ->
                                QdrantSink.forListings()
                                        .setCollection("listings", 384, Distance.Cosine)
                                        .build())
                .hasMessageContaining("endpoint");
        assertThatThrownBy(
                        () ->
                                QdrantSink.forListings()
                                        .setEndpoint("qdrant", 6334, false)
                                        .setCollection("listings", 0, Distance.Cosine)
                                        .build())
                .hasMessageContaining("vector size");
        assertThatThrownBy(() -> new QdrantBatching(128, 1, 1000, 32L * 1024 * 1024, 1000, 1024))
                .hasMessageContaining("maxBatchSizeInBytes");
        assertThatThrownBy(() -> new QdrantBatching(128, 1, 64, 1024 * 1024, 1000, 1024))
                .hasMessageContaining("maxBufferedRequests");
    }
}
