package dk.dealfinder.job.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.job.sink.RawListingJson;
import dk.dealfinder.testkit.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replays a real Kafka topic (embedded KRaft broker) on a MiniCluster. */
class ReplayPlanITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant CUT = Instant.parse("2026-11-10T00:00:00Z");

    private String topic;

    @BeforeEach
    void createTopic() throws Exception {
        topic = "replay-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
    }

    private static RawListing listing(String id) {
        return new RawListing(
                "dba.dk",
                id,
                "https://www.dba.dk/recommerce/forsale/item/" + id,
                "Stol " + id,
                "",
                "100",
                "DKK",
                "2100 København Ø",
                "1762000000000",
                List.of(),
                "Til salg",
                1L);
    }

    /** Writes listings with the given record timestamps, keyed by listing key. */
    private void produce(List<String> ids, Instant at) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        RawListingJson json = new RawListingJson();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (String id : ids) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                null,
                                at.toEpochMilli(),
                                "dba.dk:" + id,
                                json.serialize(listing(id))));
            }
        }
    }

    private static List<String> replay(ReplayPlan plan) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> ids = new ArrayList<>();
        try (CloseableIterator<RawListing> it =
                env.fromSource(
                                plan.source("it-" + UUID.randomUUID()),
                                WatermarkStrategy.noWatermarks(),
                                "replay")
                        .executeAndCollect()) {
            it.forEachRemaining(l -> ids.add(l.adId()));
        }
        return ids;
    }

    @Test
    void replaysFromATimeUpToTheEndTakenAtStartAndThenStops() throws Exception {
        produce(List.of("1", "2", "3"), T0);
        produce(List.of("4", "5", "6", "7"), CUT.plus(Duration.ofHours(1)));

        ReplayPlan fromCut =
                ReplayPlan.make(SharedKafka.bootstrapServers(), topic, ReplayStart.at(CUT));
        ReplayPlan everything =
                ReplayPlan.make(SharedKafka.bootstrapServers(), topic, ReplayStart.EARLIEST);
        produce(List.of("8"), CUT.plus(Duration.ofHours(2)));

        assertThat(fromCut.total()).isEqualTo(4);
        assertThat(replay(fromCut)).containsExactlyInAnyOrder("4", "5", "6", "7");
        assertThat(everything.total()).isEqualTo(7);
        assertThat(replay(everything)).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void progressIsPrintedFromTheCommittedOffsetsUntilTheReplayEnds() throws Exception {
        produce(List.of("1", "2", "3", "4", "5"), T0);
        ReplayPlan plan =
                ReplayPlan.make(SharedKafka.bootstrapServers(), topic, ReplayStart.EARLIEST);
        String group = "it-" + UUID.randomUUID();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(200);
        env.fromSource(plan.source(group), WatermarkStrategy.noWatermarks(), "replay")
                .sinkTo(new DiscardingSink<>());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new ReplayProgress(plan, group, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .follow(env.executeAsync("replay-progress"), Duration.ofMillis(100));

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("replayed 5 of 5 listings (100 %), done");
    }
}
