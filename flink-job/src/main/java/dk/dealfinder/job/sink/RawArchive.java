package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.RawListing;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The Kafka archive of every scraped listing ({@code dealfinder.listings.raw}): exactly-once
 * (transactions committed with each checkpoint, read back with read_committed by a replay), keyed
 * by listing key so one listing's versions stay in order on one partition.
 */
public final class RawArchive {

    /** Kafka brokers refuse transactions longer than their own maximum, 15 minutes by default. */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private RawArchive() {}

    public static KafkaSink<RawListing> sink(DealfinderConfig.Kafka kafka, String jobName) {
        Properties producer = new Properties();
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<RawListing>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<RawListing>builder()
                                .setTopic(kafka.rawTopic())
                                .setKeySerializationSchema(
                                        (RawListing l) ->
                                                (l.site() + ":" + l.adId())
                                                        .getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(new RawListingJson())
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(jobName + "-raw-archive")
                .build();
    }
}
