package dk.dealfinder.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real single-node Kafka KRaft cluster (broker and controller combined) per JVM, started on
 * first use and closed by a shutdown hook.
 */
public final class SharedKafka {

    private static KafkaClusterTestKit cluster;

    private SharedKafka() {}

    /** Starts the shared cluster if needed and returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kafka =
                        new KafkaClusterTestKit.Builder(
                                        new TestKitNodes.Builder()
                                                .setCombined(true)
                                                .setNumBrokerNodes(1)
                                                .setNumControllerNodes(1)
                                                .build())
                                .setConfigProp("auto.create.topics.enable", "true")
                                .setConfigProp("num.partitions", "1")
                                .setConfigProp("offsets.topic.replication.factor", "1")
                                .setConfigProp("transaction.state.log.replication.factor", "1")
                                .setConfigProp("transaction.state.log.min.isr", "1")
                                .build();
                kafka.format();
                kafka.startup();
                kafka.waitForReadyBrokers();
                cluster = kafka;
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(SharedKafka::closeQuietly, "kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("embedded Kafka did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void closeQuietly() {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
