package dk.dealfinder.job.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Prints how far a running replay has got, from the offsets its KafkaSource commits on each
 * checkpoint, until the job ends.
 */
public final class ReplayProgress {

    private final ReplayPlan plan;
    private final String groupId;
    private final PrintStream out;

    public ReplayProgress(ReplayPlan plan, String groupId, PrintStream out) {
        this.plan = plan;
        this.groupId = groupId;
        this.out = out;
    }

    /** Blocks until the job ends, printing progress every {@code interval}. */
    public JobExecutionResult follow(JobClient job, Duration interval) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plan.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            var result = job.getJobExecutionResult();
            long last = -1;
            while (true) {
                try {
                    JobExecutionResult done =
                            result.get(interval.toMillis(), TimeUnit.MILLISECONDS);
                    out.println(describe(plan.total(), plan.total()) + ", done");
                    return done;
                } catch (TimeoutException stillRunning) {
                    long replayed = replayed(committed(admin));
                    if (replayed != last) {
                        out.println(describe(replayed, plan.total()));
                        last = replayed;
                    }
                }
            }
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin)
            throws InterruptedException {
        try {
            return admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    /** Records replayed according to the committed offsets; partitions not yet committed add 0. */
    long replayed(Map<TopicPartition, OffsetAndMetadata> committed) {
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> e : plan.start().entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            if (at != null) {
                long end = plan.end().get(e.getKey());
                sum += Math.max(0, Math.min(at.offset(), end) - e.getValue());
            }
        }
        return sum;
    }

    static String describe(long replayed, long total) {
        long percent = total == 0 ? 100 : replayed * 100 / total;
        return String.format("replayed %,d of %,d listings (%d %%)", replayed, total, percent);
    }
}
