package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The test job: {@code records} listing versions over {@code ads} distinct ads (so every ad is
 * written several times) into a Qdrant sink, with checkpoints and, when asked, one injected task
 * failure and a restart from the last checkpoint.
 */
final class ListingStreamJob {

    /** Set once the injected failure has happened; the restarted job does not fail again. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private ListingStreamJob() {}

    static JobExecutionResult run(
            int records, int ads, boolean failOnce, QdrantSink<EmbeddedListing> sink)
            throws Exception {
        StreamExecutionEnvironment env = environment(failOnce);
        env.fromSequence(0, records - 1)
                .map(new ToListing(ads))
                .map(new FailOnce<EmbeddedListing>(records / 4))
                .returns(EmbeddedListing.class)
                .sinkTo(sink);
        return env.execute("qdrant-sink-test");
    }

    /**
     * Parallelism 2, a checkpoint every 50 ms, no Kryo, and with {@code failOnce} room for the
     * restart after the {@link FailOnce} failure (which it arms).
     */
    static StreamExecutionEnvironment environment(boolean failOnce) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        if (failOnce) {
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            configuration.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(200));
        } else {
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        FAILED.set(!failOnce);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        env.enableCheckpointing(50);
        return env;
    }

    /** Record n is version n / ads of ad n % ads. */
    static final class ToListing implements MapFunction<Long, EmbeddedListing> {

        private final int ads;

        ToListing(int ads) {
            this.ads = ads;
        }

        @Override
        public EmbeddedListing map(Long n) {
            return TestListings.embedded((int) (n % ads), (int) (n / ads) + 1);
        }
    }

    /**
     * Fails the task on the first record after a completed checkpoint, so the restart restores the
     * sink's buffered state, or after {@code latest} records if no checkpoint completed by then;
     * either way exactly once per test.
     */
    static final class FailOnce<T> implements MapFunction<T, T>, CheckpointListener {

        private final long latest;
        private volatile boolean checkpointed;
        private long seen;

        FailOnce(long latest) {
            this.latest = latest;
        }

        @Override
        public T map(T record) {
            seen++;
            if ((checkpointed || seen >= latest) && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected task failure at record " + seen);
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
