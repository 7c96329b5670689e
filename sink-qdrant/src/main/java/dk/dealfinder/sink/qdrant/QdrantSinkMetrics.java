package dk.dealfinder.sink.qdrant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** The sink's own metrics, under the writer's metric group in a {@code qdrant} subgroup. */
final class QdrantSinkMetrics {

    private static final int HISTOGRAM_WINDOW = 1000;

    private final Counter pointsWritten;
    private final Map<QdrantPointWrite.Kind, Counter> byKind =
            new EnumMap<>(QdrantPointWrite.Kind.class);
    private final Counter batches;
    private final Counter batchesHeldForOrder;
    private final Counter retries;
    private final Counter failures;
    private final Histogram batchSize;
    private final Histogram latencyMs;

    QdrantSinkMetrics(MetricGroup writerGroup) {
        MetricGroup group = writerGroup.addGroup("qdrant");
        pointsWritten = group.counter("pointsWritten");
        byKind.put(QdrantPointWrite.Kind.UPSERT, group.counter("pointsUpserted"));
        byKind.put(QdrantPointWrite.Kind.SET_VERDICTS, group.counter("verdictsSet"));
        byKind.put(QdrantPointWrite.Kind.DEACTIVATE, group.counter("pointsDeactivated"));
        byKind.put(QdrantPointWrite.Kind.ACTIVATE, group.counter("pointsReactivated"));
        byKind.put(QdrantPointWrite.Kind.DELETE, group.counter("pointsDeleted"));
        batches = group.counter("batches");
        batchesHeldForOrder = group.counter("batchesHeldForOrder");
        retries = group.counter("retries");
        failures = group.counter("failures");
        batchSize =
                group.histogram("batchSize", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        latencyMs =
                group.histogram("latencyMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    /** A batch reached Qdrant; latency spans all its attempts. */
    void batchWritten(List<QdrantPointWrite> writes, long latencyMillis) {
        pointsWritten.inc(writes.size());
        writes.forEach(w -> byKind.get(w.kind()).inc());
        batches.inc();
        batchSize.update(writes.size());
        latencyMs.update(latencyMillis);
    }

    /** A batch waited for an earlier one writing to the same point. */
    void heldForOrder() {
        batchesHeldForOrder.inc();
    }

    void retried() {
        retries.inc();
    }

    void failed() {
        failures.inc();
    }
}
