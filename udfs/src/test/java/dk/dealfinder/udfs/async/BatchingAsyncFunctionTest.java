package dk.dealfinder.udfs.async;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the batching function inside Flink's real AsyncWaitOperator. */
@Timeout(120)
class BatchingAsyncFunctionTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long ASYNC_TIMEOUT_MS = 60_000;

    @Test
    void flushesWhenABatchIsFull() throws Exception {
        var function = RecordingBatchFunction.answering(3, HOUR);
        try (var h = harness(function)) {
            h.open();
            for (String s : List.of("a", "b", "c", "d", "e", "f")) {
                h.processElement(s, 0);
            }
            h.endInput();
            assertThat(h.extractOutputValues())
                    .containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F");
            // Batches run on a pool of workers, so they may finish in either order.
            assertThat(function.batches)
                    .containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("d", "e", "f"));
        }
    }

    @Test
    void flushesAPartialBatchAfterTheDelay() throws Exception {
        var function = RecordingBatchFunction.answering(100, Duration.ofMillis(20));
        try (var h = harness(function)) {
            h.open();
            h.processElement("a", 0);
            h.processElement("b", 0);
            Await.until(
                    Duration.ofSeconds(10), "the delayed flush", () -> !function.batches.isEmpty());
            h.endInput();
            assertThat(function.batches).containsExactly(List.of("a", "b"));
            assertThat(h.extractOutputValues()).containsExactlyInAnyOrder("A", "B");
        }
    }

    @Test
    void aFailedBatchEmitsAFallbackForEachRecord() throws Exception {
        var function = new RecordingBatchFunction(2, HOUR, false, Set.of("bad"));
        try (var h = harness(function)) {
            h.open();
            for (String s : List.of("ok", "bad", "fine", "good")) {
                h.processElement(s, 0);
            }
            h.endInput();
            assertThat(h.extractOutputValues())
                    .containsExactlyInAnyOrder("fallback:ok", "fallback:bad", "FINE", "GOOD");
        }
    }

    @Test
    void aTimeoutEmitsAFallbackInsteadOfFailing() throws Exception {
        var function = new RecordingBatchFunction(1, HOUR, true, Set.of());
        try (var h = harness(function)) {
            h.open();
            h.processElement("slow", 0);
            h.setProcessingTime(ASYNC_TIMEOUT_MS + 1);
            h.endInput();
            assertThat(h.extractOutputValues()).containsExactly("fallback:slow");
            function.release();
        }
    }

    @Test
    void retriesFallbacksThenEmitsTheAnswer() throws Exception {
        var attempts = new AtomicInteger();
        var flaky =
                new BatchingAsyncFunction<String, String>(new BatchSettings(10, Duration.ZERO, 1)) {
                    @Override
                    protected List<String> processBatch(List<String> batch) {
                        if (attempts.incrementAndGet() == 1) {
                            throw new IllegalStateException("backend down");
                        }
                        return batch.stream().map(String::toUpperCase).toList();
                    }

                    @Override
                    protected String fallback(String input, Throwable cause) {
                        return "fallback:" + input;
                    }
                };
        AsyncRetryStrategy<String> retries =
                BatchRetries.onFallback(3, Duration.ofMillis(10), s -> s.startsWith("fallback:"));
        try (var h =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                flaky, ASYNC_TIMEOUT_MS, 10, OutputMode.UNORDERED, retries),
                        StringSerializer.INSTANCE)) {
            h.open();
            h.processElement("x", 0);
            long[] now = {0};
            Await.until(
                    Duration.ofSeconds(10),
                    "the retried answer",
                    () -> {
                        // Results and retry timers reach the operator through its mailbox.
                        runMails(h);
                        now[0] += 100;
                        h.setProcessingTime(now[0]);
                        return !h.extractOutputValues().isEmpty();
                    });
            assertThat(h.extractOutputValues()).containsExactly("X");
            assertThat(attempts).hasValue(2);
        }
    }

    /**
     * The restore test: a checkpoint taken while one batch is in flight and two records still wait
     * in the buffer holds all five; after a restore each is answered exactly once.
     */
    @Test
    void aRestoreAnswersEveryInFlightRecordExactlyOnce() throws Exception {
        List<String> inputs = List.of("a", "b", "c", "d", "e");
        var stuck = new RecordingBatchFunction(3, HOUR, true, Set.of());
        OperatorSubtaskState checkpoint;
        try (var h = harness(stuck)) {
            h.open();
            for (String s : inputs) {
                h.processElement(s, 0);
            }
            Await.until(
                    Duration.ofSeconds(10),
                    "the first batch in flight",
                    () -> !stuck.batches.isEmpty());
            checkpoint = h.snapshot(1, 1);
            assertThat(h.extractOutputValues()).isEmpty();
        }

        var restored = RecordingBatchFunction.answering(3, Duration.ofMillis(20));
        try (var h = harness(restored)) {
            h.initializeState(checkpoint);
            h.open();
            h.endInput();
            assertThat(h.extractOutputValues()).containsExactlyInAnyOrder("A", "B", "C", "D", "E");
            assertThat(restored.batches.stream().flatMap(List::stream))
                    .containsExactlyInAnyOrderElementsOf(inputs);
        }
    }

    private static void runMails(OneInputStreamOperatorTestHarness<String, String> h)
            throws Exception {
        var mailbox = h.getTaskMailbox();
        var mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY);
        while (mail.isPresent()) {
            mail.get().run();
            mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY);
        }
    }

    private static OneInputStreamOperatorTestHarness<String, String> harness(
            AsyncFunction<String, String> function) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(
                        function, ASYNC_TIMEOUT_MS, 10, OutputMode.UNORDERED),
                StringSerializer.INSTANCE);
    }
}
