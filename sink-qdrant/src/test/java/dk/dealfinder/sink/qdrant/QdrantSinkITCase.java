package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.testkit.doubles.qdrant.RecordedRequest;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink on a MiniCluster against the Qdrant double: batching, retries, restore, fail-fast, and
 * the order of writes to one point with several requests in flight.
 */
class QdrantSinkITCase {

    /** Keeps the metrics of finished and failed task attempts, so they can be summed. */
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String COLLECTION = "listings";
    private static final int ADS = 500;
    private static final int RECORDS = 3 * ADS;
    private static final int MAX_BATCH = 32;
    private static final long MAX_BATCH_BYTES = 16 * 1024;

    /** Per point: field tag and length prefix; per request: collection name and wait flag. */
    private static final long ENVELOPE_BYTES = MAX_BATCH * 4 + 64;

    private QdrantDouble qdrant;

    @BeforeEach
    void startQdrant() {
        qdrant = QdrantDouble.start();
        qdrant.setLatency(Duration.ofMillis(5));
    }

    @AfterEach
    void stopQdrant() {
        qdrant.close();
    }

    @Test
    void aRestoredJobLeavesExactlyOnePointPerListingInBatchesWithinTheCaps() throws Exception {
        qdrant.failNext(PointsGrpc.getUpsertMethod(), Status.Code.UNAVAILABLE, 2);
        qdrant.failNext(PointsGrpc.getUpsertMethod(), Status.Code.RESOURCE_EXHAUSTED, 1);

        JobID job =
                ListingStreamJob.run(RECORDS, ADS, true, sink(TestListings.DIMENSION)).getJobID();

        assertThat(ListingStreamJob.FAILED).isTrue();
        try (QdrantClient client = qdrant.newClient()) {
            PointAssertions.onePointPerAd(client, COLLECTION, ADS);
        }
        List<RecordedRequest> upserts = qdrant.requests(PointsGrpc.getUpsertMethod());
        for (RecordedRequest upsert : upserts) {
            UpsertPoints request = (UpsertPoints) upsert.request();
            assertThat(request.getPointsCount()).isBetween(1, MAX_BATCH);
            assertThat((long) upsert.sizeBytes())
                    .isLessThanOrEqualTo(MAX_BATCH_BYTES + ENVELOPE_BYTES);
            assertThat(request.getWait()).isTrue();
        }
        assertThat(
                        upserts.stream()
                                .mapToInt(r -> ((UpsertPoints) r.request()).getPointsCount())
                                .sum())
                .as("every version written at least once")
                .isGreaterThanOrEqualTo(RECORDS);
        assertEveryFailedPointWrittenLater(upserts);
        assertThat(counted(job, "retries")).isGreaterThanOrEqualTo(3);
        assertThat(counted(job, "pointsWritten")).isGreaterThanOrEqualTo(RECORDS);
        // A batch Qdrant applied just as the failed task shut down is not counted by the sink.
        assertThat(counted(job, "batches"))
                .isBetween(1L, upserts.stream().filter(RecordedRequest::succeeded).count());
    }

    @Test
    void everyPayloadEndsExactWithRequestsInFlightRetriesAndARestore() throws Exception {
        // Requests overtake each other on the way in, and some are refused and retried later.
        qdrant.setLatency(Duration.ofMillis(1), Duration.ofMillis(15));
        qdrant.failNext(PointsGrpc.getUpdateBatchMethod(), Status.Code.UNAVAILABLE, 3);
        qdrant.failNext(PointsGrpc.getUpsertMethod(), Status.Code.DEADLINE_EXCEEDED, 1);
        int ads = 200;
        QdrantSink<QdrantWrite> sink =
                QdrantSink.forListingWrites()
                        .setEndpoint(QdrantDouble.HOST, qdrant.port(), false)
                        .setCollection(COLLECTION, TestListings.DIMENSION, Distance.Cosine)
                        .setRetryPolicy(
                                new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 5))
                        .setBatching(new QdrantBatching(8, 4, 64, MAX_BATCH_BYTES, 20, 4 * 1024))
                        .build();

        JobID job = PointUpdatesJob.run(ads, sink).getJobID();

        assertThat(ListingStreamJob.FAILED).isTrue();
        try (QdrantClient client = qdrant.newClient()) {
            PointAssertions.finalPayloads(client, COLLECTION, ads);
        }
        assertThat(counted(job, "batchesHeldForOrder"))
                .as("batches that had to wait for an earlier write to the same point")
                .isPositive();
        assertThat(counted(job, "retries")).isGreaterThanOrEqualTo(4);
        assertThat(counted(job, "pointsUpserted")).isGreaterThanOrEqualTo(ads);
        assertThat(counted(job, "verdictsSet")).isPositive();
        assertThat(counted(job, "pointsDeactivated")).isPositive();
        assertThat(counted(job, "pointsDeleted")).isZero();
    }

    /** A counter of the sink's {@code qdrant} group, summed over subtasks and attempts. */
    private static long counted(JobID job, String counter) {
        return METRICS.getMetricsByGroup().entrySet().stream()
                .filter(g -> job.toString().equals(g.getKey().getAllVariables().get("<job_id>")))
                .filter(g -> List.of(g.getKey().getScopeComponents()).contains("qdrant"))
                .map(g -> g.getValue().get(counter))
                .filter(Counter.class::isInstance)
                .mapToLong(m -> ((Counter) m).getCount())
                .sum();
    }

    @Test
    void aRequestQdrantRejectsFailsTheJobAtOnceWithQdrantsReason() {
        // The collection is made for 12 dimensions; the listings carry 16.
        QdrantSink<EmbeddedListing> sink = sink(12);

        // Flink ships the task's exception to the client as a SerializedThrowable: match text.
        assertThatThrownBy(() -> ListingStreamJob.run(RECORDS, ADS, false, sink))
                .satisfies(
                        e ->
                                assertThat(
                                                ExceptionUtils.findThrowableWithMessage(
                                                        e, "expected dim: 12, got 16"))
                                        .hasValueSatisfying(
                                                cause ->
                                                        assertThat(cause)
                                                                .hasMessageContaining(
                                                                        QdrantSinkException.class
                                                                                .getName())
                                                                .hasMessageContaining(
                                                                        "not retryable")));
        assertThat(qdrant.requests(PointsGrpc.getUpsertMethod()))
                .allMatch(r -> r.outcome() == Status.Code.INVALID_ARGUMENT);
        assertThat(qdrant.points(COLLECTION)).isEmpty();
    }

    /**
     * Every point of a failed upsert was written by a later upsert that succeeded: its retry, or,
     * when the injected task failure cancelled the retry, the replay after the restore. A loss
     * either way is ruled out.
     */
    private static void assertEveryFailedPointWrittenLater(List<RecordedRequest> upserts) {
        List<RecordedRequest> failed = upserts.stream().filter(r -> !r.succeeded()).toList();
        assertThat(failed)
                .extracting(RecordedRequest::outcome)
                .containsExactlyInAnyOrder(
                        Status.Code.UNAVAILABLE,
                        Status.Code.UNAVAILABLE,
                        Status.Code.RESOURCE_EXHAUSTED);
        for (RecordedRequest failure : failed) {
            for (PointStruct point : ((UpsertPoints) failure.request()).getPointsList()) {
                assertThat(upserts)
                        .anyMatch(
                                r ->
                                        r.succeeded()
                                                && r.sequence() > failure.sequence()
                                                && ((UpsertPoints) r.request())
                                                        .getPointsList()
                                                        .contains(point));
            }
        }
    }

    private QdrantSink<EmbeddedListing> sink(int vectorSize) {
        return QdrantSink.forListings()
                .setEndpoint(QdrantDouble.HOST, qdrant.port(), false)
                .setCollection(COLLECTION, vectorSize, Distance.Cosine)
                .setRetryPolicy(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 5))
                .setBatching(new QdrantBatching(MAX_BATCH, 1, 64, MAX_BATCH_BYTES, 50, 4 * 1024))
                .build();
    }
}
