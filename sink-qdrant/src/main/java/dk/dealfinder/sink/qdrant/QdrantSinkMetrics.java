package dk.dealfinder.sink.qdrant;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** The sink's own metrics, under the writer's metric group in a {@code qdrant} subgroup. */
final class QdrantSinkMetrics {

    private static final int HISTOGRAM_WINDOW = 1000;

    private final Counter pointsWritten;
    private final Counter batches;
    private final Counter retries;
    private final Counter failures;
    private final Histogram batchSize;
    private final Histogram latencyMs;

    QdrantSinkMetrics(MetricGroup writerGroup) {
        MetricGroup group = writerGroup.addGroup("qdrant");
        pointsWritten = group.counter("pointsWritten");
        batches = group.counter("batches");
        retries = group.counter("retries");
        failures = group.counter("failures");
        batchSize =
                group.histogram("batchSize", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        latencyMs =
                group.histogram("latencyMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    /** A batch reached Qdrant; latency spans all its attempts. */
    void batchWritten(int size, long latencyMillis) {
        pointsWritten.inc(size);
        batches.inc();
        batchSize.update(size);
        latencyMs.update(latencyMillis);
    }

    void retried() {
        retries.inc();
    }

    void failed() {
        failures.inc();
    }
}
