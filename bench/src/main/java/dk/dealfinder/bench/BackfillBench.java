package dk.dealfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.job.JobSinks;
import dk.dealfinder.job.SavedQueryPoller;
import dk.dealfinder.job.sink.RawListingJson;
import dk.dealfinder.testkit.SharedKafka;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays archived raw listings from Kafka through the whole topology, bounded at the end offsets,
 * as a backfill for new saved queries does. Reports listings/s, the multiple of real time for a
 * site posting one listing per second, and the heap and checkpointed state once it is done.
 */
final class BackfillBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackfillBench() {}

    static void run(Results results, int listings) throws Exception {
        try (BenchServices services =
                new BenchServices(LocalMarketplace.start(MarketplaceOptions.defaults()))) {
            services.save(Workload.QUERIES);
            String topic = "bench-raw-" + UUID.randomUUID();
            archive(
                    topic,
                    Workload.rawListings(
                            services.marketplace.catalogue().all(),
                            services.marketplace.baseUrl().toString(),
                            listings));

            long heapBefore = usedHeapAfterGc();
            int restPort = SharedRedis.freePort();
            Configuration flink = new Configuration();
            flink.set(RestOptions.PORT, restPort);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(flink);
            KafkaSource<RawListing> source =
                    KafkaSource.<RawListing>builder()
                            .setBootstrapServers(SharedKafka.bootstrapServers())
                            .setTopics(topic)
                            .setGroupId("bench-" + UUID.randomUUID())
                            .setStartingOffsets(OffsetsInitializer.earliest())
                            .setBounded(OffsetsInitializer.latest())
                            .setValueOnlyDeserializer(new RawListingJson())
                            .build();
            DataGeneratorSource<SavedQuerySnapshot> queries =
                    new DataGeneratorSource<>(
                            new SavedQueryPoller(services.queries),
                            1,
                            TypeInformation.of(SavedQuerySnapshot.class));
            var config =
                    services.config("30s")
                            .section("job", "{name: bench-backfill, checkpointInterval: 2s}")
                            .config();
            new DealfinderJob(config, source, queries, JobSinks.fromConfig(config)).build(env);

            JobClient job = env.executeAsync("bench-backfill");
            AtomicLong stateBytes = new AtomicLong(-1);
            long start = System.nanoTime();
            while (!job.getJobStatus().get().isTerminalState()) {
                stateBytes.set(Math.max(stateBytes.get(), checkpointedBytes(restPort, job)));
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            job.getJobExecutionResult().get();
            double perSecond = listings / seconds;

            results.add(
                    "backfill",
                    "Kafka replay, " + listings + " listings",
                    perSecond,
                    "listings/s",
                    "6 saved queries; includes job start-up; no classification cache yet (issue"
                            + " 4)");
            results.add(
                    "backfill",
                    "multiple of real time",
                    perSecond,
                    "x",
                    1.0,
                    "baseline: a site posting 1 listing/s");
            results.add(
                    "memory",
                    "heap used after the replay",
                    (usedHeapAfterGc() - heapBefore) / 1048576.0,
                    "MiB",
                    "growth of this JVM (MiniCluster in-process) after GC");
            results.add(
                    "memory",
                    "largest checkpoint during the replay",
                    stateBytes.get() / 1048576.0,
                    "MiB",
                    "all keyed and operator state");
        }
    }

    private static void archive(String topic, List<RawListing> listings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        RawListingJson json = new RawListingJson();
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (RawListing l : listings) {
                producer.send(
                        new ProducerRecord<>(topic, l.site() + ":" + l.adId(), json.serialize(l)));
            }
            producer.flush();
        }
    }

    private static long checkpointedBytes(int restPort, JobClient job) {
        try {
            HttpResponse<String> reply =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://localhost:"
                                                                    + restPort
                                                                    + "/jobs/"
                                                                    + job.getJobID()
                                                                    + "/checkpoints"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            JsonNode latest = JSON.readTree(reply.body()).path("latest").path("completed");
            return latest.path("checkpointed_size").asLong(latest.path("state_size").asLong(-1));
        } catch (Exception e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
