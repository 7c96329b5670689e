package dk.dealfinder.job;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.job.sink.AlertSink;
import dk.dealfinder.job.sink.PostgresSinks;
import dk.dealfinder.job.sink.RawListingJson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Where the job's results go. Production wiring comes from {@link #fromConfig}; tests pass
 * collecting sinks instead.
 *
 * @param listings every new or changed listing (PostgreSQL {@code listings})
 * @param alertRecords alerts for the history (PostgreSQL {@code alerts})
 * @param alertFeed alerts for users (the alert-server)
 * @param deadLetters input that could not be processed
 * @param rawArchive optional archive of every scraped listing (Kafka), enabling replay
 */
public record JobSinks(
        Sink<Listing> listings,
        Sink<Alert> alertRecords,
        Sink<Alert> alertFeed,
        Sink<DeadLetter> deadLetters,
        Optional<Sink<RawListing>> rawArchive) {

    public static JobSinks fromConfig(DealfinderConfig config) {
        PostgresSinks postgres = new PostgresSinks(config.postgres());
        DealfinderConfig.AlertServer alerts = config.alertServer();
        Optional<Sink<RawListing>> archive = Optional.empty();
        if (config.kafka().enabled()) {
            archive =
                    Optional.of(
                            KafkaSink.<RawListing>builder()
                                    .setBootstrapServers(config.kafka().bootstrapServers())
                                    .setRecordSerializer(
                                            KafkaRecordSerializationSchema.<RawListing>builder()
                                                    .setTopic(config.kafka().rawTopic())
                                                    .setValueSerializationSchema(
                                                            new RawListingJson())
                                                    .build())
                                    .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                    .build());
        }
        return new JobSinks(
                postgres.listings(),
                postgres.alerts(),
                new AlertSink(
                        URI.create(alerts.url()),
                        alerts.token(),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30)),
                postgres.deadLetters(),
                archive);
    }
}
