package dk.dealfinder.job.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar carries every library a Flink cluster does not, and none of Flink's own. The
 * cluster test cannot see a missing library (its JVMs share the build's classpath), so the jar's
 * contents are checked directly.
 */
class JobJarContentsITCase {

    @Test
    void bundlesWhatAClusterLacksAndNothingItProvides() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"));
                ZipFile jar =
                        new ZipFile(
                                files.filter(
                                                p ->
                                                        p.getFileName()
                                                                .toString()
                                                                .matches("flink-job-.*-job\\.jar"))
                                        .findFirst()
                                        .orElseThrow()
                                        .toFile())) {
            for (String needed :
                    new String[] {
                        "dk/dealfinder/job/DealfinderJobMain.class",
                        "org/yaml/snakeyaml/error/YAMLException.class",
                        "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
                        "org/postgresql/Driver.class",
                        "org/flywaydb/core/Flyway.class",
                        "db/migration/V1__listings_queries_alerts.sql",
                        "picocli/CommandLine.class",
                        "org/apache/kafka/clients/producer/KafkaProducer.class",
                        "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                        "org/apache/flink/connector/jdbc/core/datastream/sink/JdbcSink.class",
                        "io/qdrant/client/QdrantClient.class",
                        "ai/onnxruntime/OrtEnvironment.class",
                        "all-minilm-l6-v2-q.onnx",
                    }) {
                assertThat(jar.getEntry(needed)).as("the job jar bundles %s", needed).isNotNull();
            }
            assertThat(
                            jar.getEntry(
                                    "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .as("Flink itself is provided by the cluster")
                    .isNull();
            assertThat(jar.getEntry("org/apache/logging/log4j/core/Logger.class"))
                    .as("logging is provided by the cluster")
                    .isNull();
        }
    }
}
