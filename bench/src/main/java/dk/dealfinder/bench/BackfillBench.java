package dk.dealfinder.bench;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.job.JobSinks;
import dk.dealfinder.job.SavedQueryPoller;
import dk.dealfinder.job.sink.RawListingJson;
import dk.dealfinder.testkit.SharedKafka;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketListing;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
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
 * Replays archived raw listings from Kafka through the whole topology, as a backfill for new saved
 * queries does, with a warm classification cache: the job routes in AUTO mode to the OpenAI double,
 * and the catalogue has been through once before (as the live job classified it before archiving
 * it), so paid answers come from Redis. Reports listings/s against a site posting one listing per
 * second, the busiest task (where the time goes), and once every listing is through, the
 * TaskManager's heap and the job's checkpointed state.
 *
 * <p>The Kafka source is left unbounded, so the job is still running, with all its state, when the
 * replay is done: done is when the source has emitted every listing and no task has moved a record
 * for {@link #QUIET}.
 */
final class BackfillBench {

    /** No record moved anywhere for this long after the last listing left the source: done. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /**
     * How often the task counts are read, once the listings are stored. Every read has the
     * JobManager collect and serialize all the job's metrics: read every 250 ms through the whole
     * replay, that took over a third of the JVM's Java samples (JFR). So they are read only near
     * the end, and the figure may end up to a second late instead.
     */
    private static final Duration SAMPLE = Duration.ofSeconds(1);

    private static final Duration STORED_POLL = Duration.ofSeconds(2);

    private static final Duration DEADLINE = Duration.ofMinutes(20);

    /** The warm-up's listings get other ad ids, so the replay's are new to the job. */
    private static final long WARMUP_IDS = 3_000_000_000L;

    private BackfillBench() {}

    static void run(Results results, int listings) throws Exception {
        try (BenchServices services =
                        new BenchServices(LocalMarketplace.start(MarketplaceOptions.defaults()));
                OpenAiDouble llm = OpenAiDouble.start(new VerdictScript())) {
            services.save(Workload.QUERIES);
            List<MarketListing> catalogue = services.marketplace.catalogue().all();
            List<RawListing> archived =
                    Workload.rawListings(
                            catalogue, services.marketplace.baseUrl().toString(), listings);
            String topic = "bench-raw-" + UUID.randomUUID();
            archive(topic, archived);
            DealfinderConfig config =
                    services.config("30s")
                            // The job's default interval: the heap state backend writes all of
                            // the state at every checkpoint, so at 2 s the snapshots of a growing
                            // state took a fifth of the JVM's Java samples (JFR).
                            .section("job", "{name: bench-backfill, checkpointInterval: 10s}")
                            .section(
                                    "classifier",
                                    "{routing: {defaultMode: AUTO}, llm: {baseUrl: \""
                                            + llm.baseUrl()
                                            + "\"}, cache: {redisUrl: \""
                                            + SharedRedis.uri()
                                            + "\"}}")
                            .config();

            // Every distinct listing text once: fills the judgement cache (and warms the JIT).
            ThroughputBench.pipelineThroughput(
                    services,
                    config,
                    Workload.withIdsShifted(
                            archived.subList(0, Math.min(catalogue.size(), listings)), WARMUP_IDS));
            int warmupRequests = llm.requests().size();

            long heapBefore = usedHeapAfterGc();
            Timestamp replayStart = new Timestamp(System.currentTimeMillis());
            Replay replay = replay(services, config, topic, listings);
            long replayRequests = llm.requests().size() - warmupRequests;
            long[] cache = cacheHits(services.pgUrl, replayStart);

            printProfile(replay);
            FlinkRest.Task busiest =
                    replay.tasks.stream()
                            .max(Comparator.comparingLong(FlinkRest.Task::busyMillis))
                            .orElseThrow();
            results.add(
                    "backfill",
                    "Kafka replay, " + listings + " listings",
                    replay.perSecond(listings),
                    "listings/s",
                    1.0,
                    String.format(
                            Locale.ROOT,
                            "%d saved queries, AUTO mode with a warm judgement cache (%,d of"
                                    + " %,d escalated decisions answered from Redis, %d LLM"
                                    + " requests during the replay, %d in the warm-up over the"
                                    + " %d catalogue texts); %.0f s from job start to the last"
                                    + " record; busiest task: %s, busy %.0f %% of the replay;"
                                    + " baseline: a site posting 1 listing/s, so the ratio is the"
                                    + " multiple of real time",
                            Workload.QUERIES.size(),
                            cache[1],
                            cache[0],
                            replayRequests,
                            warmupRequests,
                            Math.min(catalogue.size(), listings),
                            replay.seconds,
                            busiest.name().split(" -> ")[0],
                            100.0 * busiest.busyMillis() / (replay.seconds * 1000)));
            results.add(
                    "memory",
                    "JVM heap used after GC, job holding " + listings + " listings",
                    replay.heapAfter / 1048576.0,
                    "MiB",
                    heapBefore / 1048576.0,
                    "MiniCluster: the TaskManager shares the bench JVM with Kafka, the"
                            + " alert-server and the marketplace; baseline: the same JVM before"
                            + " the replay job started (after the warm-up job)");
            results.add(
                    "memory",
                    "checkpointed state after " + listings + " listings",
                    replay.stateBytes / 1048576.0,
                    "MiB",
                    String.format(
                            Locale.ROOT,
                            "checkpoint %d, triggered after the last record; heap state backend,"
                                    + " so managed memory in use is %.1f MiB; largest: %s",
                            replay.checkpointId,
                            replay.managedBytes / 1048576.0,
                            String.join(", ", replay.largestStates)));
        }
    }

    /** What the replay measured, taken while the job still holds its state. */
    private record Replay(
            double seconds,
            List<FlinkRest.Task> tasks,
            long heapAfter,
            long checkpointId,
            long stateBytes,
            List<String> largestStates,
            double managedBytes) {

        double perSecond(int listings) {
            return listings / seconds;
        }
    }

    /** Where the replay's time went, task by task, as Flink's web UI would show it. */
    private static void printProfile(Replay replay) {
        System.out.println("backfill profile (share of the replay's wall time per task):");
        for (FlinkRest.Task t : replay.tasks) {
            System.out.printf(
                    Locale.ROOT,
                    "  busy %3.0f %%  back-pressured %3.0f %%  in %,9d  out %,9d  %s%n",
                    100.0 * t.busyMillis() / (replay.seconds * 1000),
                    100.0 * t.backPressuredMillis() / (replay.seconds * 1000),
                    t.readRecords(),
                    t.writeRecords(),
                    t.name());
        }
    }

    private static Replay replay(
            BenchServices services, DealfinderConfig config, String topic, int listings)
            throws Exception {
        int restPort = SharedRedis.freePort();
        Configuration flink = new Configuration();
        flink.set(RestOptions.PORT, restPort);
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, SAMPLE);
        // Checkpoints to files, as on a cluster: the local default keeps them in the JobManager's
        // memory, which refuses more than 5 MiB per task, so a checkpoint after some 20,000
        // listings fails and fails the job (the earlier runs restarted from there, again and
        // again).
        flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        flink.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Path.of(System.getProperty("java.io.tmpdir"), "bench-checkpoints")
                        .toUri()
                        .toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
        KafkaSource<RawListing> source =
                KafkaSource.<RawListing>builder()
                        .setBootstrapServers(SharedKafka.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId("bench-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setValueOnlyDeserializer(new RawListingJson())
                        .build();
        DataGeneratorSource<SavedQuerySnapshot> queries =
                new DataGeneratorSource<>(
                        new SavedQueryPoller(services.queries),
                        1,
                        TypeInformation.of(SavedQuerySnapshot.class));
        new DealfinderJob(config, source, queries, JobSinks.fromConfig(config)).build(env);

        long start = System.nanoTime();
        JobClient job = env.executeAsync("bench-backfill");
        try {
            FlinkRest rest = new FlinkRest(restPort, job.getJobID());
            awaitStored(job, rest, services.pgUrl, listings);
            long lastRecordAt = awaitLastRecord(job, rest, listings);
            double seconds = (lastRecordAt - start) / 1e9;
            List<FlinkRest.Task> tasks = rest.tasks();
            FlinkRest.Checkpoint checkpoint =
                    awaitCheckpointAfter(rest, System.currentTimeMillis());
            return new Replay(
                    seconds,
                    tasks,
                    usedHeapAfterGc(),
                    checkpoint.id(),
                    checkpoint.stateBytes(),
                    rest.largestStates(checkpoint.id(), 3),
                    rest.taskManagerMetric("Status.Flink.Memory.Managed.Used"));
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Waits, cheaply, until the change detector has stored every listing in PostgreSQL (the
     * classifier behind it is then a few network buffers from the end): reading the job's metrics
     * through its REST API this whole time would cost the job CPU.
     */
    private static void awaitStored(JobClient job, FlinkRest rest, String pgUrl, int listings)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM listings")) {
            while (System.nanoTime() < deadline) {
                requireRunning(job, rest);
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    if (r.getLong(1) >= listings) {
                        return;
                    }
                }
                LockSupport.parkNanos(STORED_POLL.toNanos());
            }
        }
        throw new IllegalStateException(
                "the replay did not store " + listings + " listings within " + DEADLINE);
    }

    /** A restart replays from the last checkpoint: whatever it measured, it is no backfill. */
    private static void requireRunning(JobClient job, FlinkRest rest) throws Exception {
        JobStatus status = job.getJobStatus().get();
        if (status != JobStatus.RUNNING && status != JobStatus.CREATED) {
            throw new IllegalStateException(
                    "the replay job went " + status + ": " + rest.rootException());
        }
    }

    /**
     * Waits until the source task has sent on every listing and then no task has moved a record for
     * {@link #QUIET}; returns when (System.nanoTime) the counts last moved.
     */
    private static long awaitLastRecord(JobClient job, FlinkRest rest, int listings)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<FlinkRest.Task> last = List.of();
        long lastMoved = System.nanoTime();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(SAMPLE.toNanos());
            requireRunning(job, rest);
            List<FlinkRest.Task> now;
            try {
                now = rest.tasks();
            } catch (java.io.IOException e) {
                continue; // the job is still starting
            }
            if (!counts(now).equals(counts(last))) {
                last = now;
                lastMoved = System.nanoTime();
            } else if (!now.isEmpty()
                    && now.get(0).writeRecords() >= listings
                    && System.nanoTime() - lastMoved > QUIET.toNanos()) {
                return lastMoved;
            }
        }
        throw new IllegalStateException(
                "the replay of " + listings + " listings did not finish within " + DEADLINE);
    }

    private static List<Long> counts(List<FlinkRest.Task> tasks) {
        return tasks.stream().flatMap(t -> Stream.of(t.readRecords(), t.writeRecords())).toList();
    }

    private static FlinkRest.Checkpoint awaitCheckpointAfter(FlinkRest rest, long epochMillis)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            FlinkRest.Checkpoint c = rest.latestCheckpoint();
            if (c != null && c.triggeredAt() > epochMillis) {
                return c;
            }
            LockSupport.parkNanos(SAMPLE.toNanos());
        }
        throw new IllegalStateException("no checkpoint completed after the replay");
    }

    /** The replay's decisions that were escalated to the LLM, and those the cache answered. */
    private static long[] cacheHits(String pgUrl, Timestamp since) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FILTER (WHERE provider = 'llm' OR cache_hit),"
                                        + " count(*) FILTER (WHERE cache_hit) FROM"
                                        + " model_inferences WHERE decided_at >= ?")) {
            s.setTimestamp(1, since);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
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

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
