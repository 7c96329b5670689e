package dk.dealfinder.bench;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.job.JobSinks;
import dk.dealfinder.job.SavedQueryPoller;
import dk.dealfinder.job.sink.RawListingJson;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Listings per second through the whole topology with the local model (real PostgreSQL and
 * alert-server sinks), against the raw embedding model's own batched {@code embedAll} on the same
 * titles in the same process: the physical limit of this path.
 */
final class ThroughputBench {

    private ThroughputBench() {}

    static void run(Results results, int listings) throws Exception {
        try (BenchServices services =
                new BenchServices(LocalMarketplace.start(MarketplaceOptions.defaults()))) {
            services.save(Workload.QUERIES);
            List<RawListing> raw =
                    Workload.rawListings(
                            services.marketplace.catalogue().all(),
                            services.marketplace.baseUrl().toString(),
                            listings);

            double rawModel = rawModelThroughput(raw);
            // Warm-up run on a slice, so class loading and JIT are not counted against the
            // pipeline.
            pipelineThroughput(services, raw.subList(0, Math.min(500, raw.size())));
            double pipeline =
                    pipelineThroughput(services, Workload.withIdsShifted(raw, 2_000_000_000L));
            int cores = Runtime.getRuntime().availableProcessors();

            results.add(
                    "throughput",
                    "pipeline, local model, " + listings + " listings",
                    pipeline,
                    "listings/s",
                    rawModel,
                    "baseline: TextEmbedder.embedAll on the same titles, batches of 64");
            results.add(
                    "throughput",
                    "pipeline per core",
                    pipeline / cores,
                    "listings/s/core",
                    rawModel / cores,
                    cores + " cores");
        }
    }

    private static double rawModelThroughput(List<RawListing> raw) {
        TextEmbedder embedder = TextEmbedder.shared();
        List<String> titles = raw.stream().map(RawListing::title).toList();
        embedder.embedAll(titles.subList(0, Math.min(256, titles.size())));
        long start = System.nanoTime();
        for (int i = 0; i < titles.size(); i += 64) {
            embedder.embedAll(titles.subList(i, Math.min(titles.size(), i + 64)));
        }
        return titles.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double pipelineThroughput(BenchServices services, List<RawListing> raw)
            throws Exception {
        return pipelineThroughput(services, services.config("30s").config(), raw);
    }

    /** Runs the whole job over {@code raw} with {@code config}; returns listings per second. */
    static double pipelineThroughput(
            BenchServices services, DealfinderConfig config, List<RawListing> raw)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // Our records are not Java-serializable (Flink serializes them its own way), so the source
        // carries them as the archive's JSON and reads each back as it emits it.
        RawListingJson json = new RawListingJson();
        ArrayList<String> elements = new ArrayList<>();
        raw.forEach(l -> elements.add(new String(json.serialize(l), StandardCharsets.UTF_8)));
        DataGeneratorSource<RawListing> source =
                new DataGeneratorSource<>(
                        index ->
                                json.deserialize(
                                        elements.get(index.intValue())
                                                .getBytes(StandardCharsets.UTF_8)),
                        elements.size(),
                        TypeInformation.of(RawListing.class));
        DataGeneratorSource<SavedQuerySnapshot> queries =
                new DataGeneratorSource<>(
                        new SavedQueryPoller(services.queries),
                        1,
                        TypeInformation.of(SavedQuerySnapshot.class));
        new DealfinderJob(config, source, queries, JobSinks.fromConfig(config)).build(env);
        JobExecutionResult result = env.execute("bench-throughput");
        return raw.size() / (result.getNetRuntime() / 1000.0);
    }
}
