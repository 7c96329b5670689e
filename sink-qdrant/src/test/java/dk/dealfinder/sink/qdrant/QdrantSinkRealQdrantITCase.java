package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The restore tests against a real Qdrant, for when one is reachable: set {@code QDRANT_URL} to its
 * gRPC endpoint (e.g. {@code http://localhost:6334}; {@code https://} for TLS) and, if it needs
 * one, {@code QDRANT_API_KEY}. Each test writes to a fresh collection and deletes it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "QDRANT_URL", matches = ".+")
class QdrantSinkRealQdrantITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final int ADS = 500;

    @Test
    void aRestoredJobLeavesExactlyOnePointPerListing() throws Exception {
        String collection = freshCollection();
        QdrantSink<EmbeddedListing> sink = endpoint(QdrantSink.forListings(), collection).build();
        try (QdrantClient client = sink.options().connection().open()) {
            try {
                ListingStreamJob.run(3 * ADS, ADS, true, sink);
                PointAssertions.onePointPerAd(client, collection, ADS);
            } finally {
                client.deleteCollectionAsync(collection, Duration.ofSeconds(30)).get();
            }
        }
    }

    /**
     * Verdicts, removals and relistings with four requests in flight and a restore: every payload
     * ends exact, as against the double.
     */
    @Test
    void verdictsAndRemovalsEndExactAcrossARestore() throws Exception {
        String collection = freshCollection();
        QdrantSink<QdrantWrite> sink =
                endpoint(QdrantSink.forListingWrites(), collection)
                        .setBatching(new QdrantBatching(16, 4, 128, 64 * 1024, 20, 4 * 1024))
                        .build();
        try (QdrantClient client = sink.options().connection().open()) {
            try {
                PointUpdatesJob.run(ADS, sink);
                PointAssertions.finalPayloads(client, collection, ADS);
            } finally {
                client.deleteCollectionAsync(collection, Duration.ofSeconds(30)).get();
            }
        }
    }

    private static String freshCollection() {
        return "dealfinder_it_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static <T> QdrantSinkBuilder<T> endpoint(QdrantSinkBuilder<T> builder, String name) {
        URI url = URI.create(System.getenv("QDRANT_URL"));
        return builder.setEndpoint(
                        url.getHost(),
                        url.getPort() > 0 ? url.getPort() : QdrantConnection.DEFAULT_PORT,
                        "https".equals(url.getScheme()))
                .setCollection(name, TestListings.DIMENSION, Distance.Cosine);
    }
}
