package dk.dealfinder.job.replay;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.job.sink.RawListingJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The exact slice of the raw archive a replay reads: per partition, from the first offset at or
 * after the start to the end offset taken when the plan was made. Records written later are not
 * part of the replay, so it is bounded and its size is known up front.
 *
 * @param start offset of the first record to replay, per partition
 * @param end offset after the last record to replay, per partition
 */
public record ReplayPlan(
        String bootstrapServers,
        String topic,
        ReplayStart from,
        Map<TopicPartition, Long> start,
        Map<TopicPartition, Long> end) {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The archive is written by a transactional sink; aborted writes must not be replayed. */
    private static final String READ_COMMITTED = "read_committed";

    public ReplayPlan {
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }

    /** Asks the brokers for the offsets of {@code from} and the current end of {@code topic}. */
    public static ReplayPlan make(String bootstrapServers, String topic, ReplayStart from) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, TIMEOUT).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> start = new HashMap<>();
            if (from.from().isEmpty()) {
                start.putAll(consumer.beginningOffsets(partitions, TIMEOUT));
            } else {
                long millis = from.from().get().toEpochMilli();
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(p -> query.put(p, millis));
                Map<TopicPartition, OffsetAndTimestamp> found =
                        consumer.offsetsForTimes(query, TIMEOUT);
                for (TopicPartition p : partitions) {
                    OffsetAndTimestamp at = found.get(p);
                    start.put(p, at == null ? end.get(p) : at.offset());
                }
            }
            return new ReplayPlan(bootstrapServers, topic, from, start, end);
        }
    }

    /** How many records the replay reads. */
    public long total() {
        return end.entrySet().stream()
                .mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), e.getValue()))
                .sum();
    }

    /**
     * A bounded KafkaSource over exactly this slice. It commits its offsets under {@code groupId}
     * on every checkpoint, which is how {@link ReplayProgress} follows it.
     */
    public KafkaSource<RawListing> source(String groupId) {
        return KafkaSource.<RawListing>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.offsets(start))
                .setBounded(OffsetsInitializer.offsets(end))
                .setValueOnlyDeserializer(new RawListingJson())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED)
                .build();
    }
}
