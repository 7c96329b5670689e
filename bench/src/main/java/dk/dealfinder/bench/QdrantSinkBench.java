package dk.dealfinder.bench;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.sink.qdrant.QdrantSink;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketListing;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.PointsGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Issue 6: the batched Qdrant sink (batches of 128 points, its default) against the same sink
 * sending one point per request, in the same process against the Qdrant gRPC double with a fixed
 * latency per call. Both runs use one sink subtask with the default one request in flight, so the
 * only difference is the batch size. Requests are counted by the double.
 */
final class QdrantSinkBench {

    static final int DIMENSION = 384;
    private static final Duration LATENCY = Duration.ofMillis(2);

    private QdrantSinkBench() {}

    static void run(Results results, int points) throws Exception {
        PointSource source;
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.defaults())) {
            source = new PointSource(marketplace.catalogue().all());
        }
        try (QdrantDouble qdrant = QdrantDouble.start()) {
            qdrant.setLatency(LATENCY);
            // Warm-up: class loading, JIT and the collection's creation are not counted.
            write(qdrant, source, "warmup", 128, Math.min(points, 1_000));
            Run batched = write(qdrant, source, "batched", 128, points);
            Run single = write(qdrant, source, "single", 1, points);
            String note =
                    String.format(
                            "%d points of %d floats; double latency %d ms per call; parallelism 1,"
                                    + " 1 request in flight; baseline: same sink, maxBatchSize 1",
                            points, DIMENSION, LATENCY.toMillis());
            results.add(
                    "qdrant sink",
                    "upsert requests per 1,000 points",
                    batched.requests * 1000.0 / points,
                    "requests",
                    single.requests * 1000.0 / points,
                    note);
            results.add(
                    "qdrant sink",
                    "throughput, batches of 128",
                    batched.pointsPerSecond,
                    "points/s",
                    single.pointsPerSecond,
                    "same runs; " + batched.requests + " vs " + single.requests + " requests");
        }
    }

    private record Run(long requests, double pointsPerSecond) {}

    private static Run write(
            QdrantDouble qdrant, PointSource source, String collection, int batch, int points)
            throws Exception {
        qdrant.resetRequests();
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        env.fromSequence(0, points - 1)
                .map(source)
                .sinkTo(
                        QdrantSink.forListings()
                                .setEndpoint(QdrantDouble.HOST, qdrant.port(), false)
                                .setCollection(collection, DIMENSION, Distance.Cosine)
                                .setMaxBatchSize(batch)
                                .build());
        JobExecutionResult result = env.execute("bench-qdrant-" + collection);
        long requests = qdrant.requests(PointsGrpc.getUpsertMethod()).size();
        return new Run(requests, points / (result.getNetRuntime() / 1000.0));
    }

    /**
     * Point n: catalogue listing n (round and round, under fresh ids) with a unit vector drawn from
     * n. It carries the catalogue as plain strings, which Java serialization ships to the task.
     */
    static final class PointSource implements MapFunction<Long, EmbeddedListing> {

        private final ArrayList<String> titles = new ArrayList<>();
        private final ArrayList<String> descriptions = new ArrayList<>();
        private final ArrayList<Long> prices = new ArrayList<>();

        PointSource(List<MarketListing> catalogue) {
            for (MarketListing m : catalogue) {
                titles.add(m.title());
                descriptions.add(m.description());
                prices.add(m.price());
            }
        }

        @Override
        public EmbeddedListing map(Long n) {
            int i = (int) (n % titles.size());
            String adId = Long.toString(n);
            Listing listing =
                    new Listing(
                            Listing.keyOf("dba.dk", adId),
                            "dba.dk",
                            adId,
                            "https://www.dba.dk/recommerce/forsale/item/" + adId,
                            titles.get(i),
                            descriptions.get(i),
                            prices.get(i),
                            "DKK",
                            "København",
                            "2100",
                            List.of(),
                            1_767_225_600_000L + n * 1_000,
                            1_767_225_600_000L,
                            1);
            return new EmbeddedListing(listing, vector(n), "bench-model");
        }

        private static float[] vector(long n) {
            SplittableRandom random = new SplittableRandom(n);
            float[] v = new float[DIMENSION];
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < DIMENSION; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }
}
