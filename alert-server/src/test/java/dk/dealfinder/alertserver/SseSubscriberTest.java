package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-client queue: bounded, ordered, each alert once, without a real connection. */
class SseSubscriberTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final Predicate<AlertEvent> ALL = event -> true;

    private static final BiConsumer<SseSubscriber, SseSubscriber.Ending> IGNORE_END =
            (subscriber, ending) -> {};

    private final ExecutorService writer = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    @Test
    void dropsAClientThatFallsTooFarBehind() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.stall();
        SseSubscriber subscriber =
                new SseSubscriber(sink, Backlog.NONE, null, ALL, 3, writer, IGNORE_END);
        subscriber.start();

        // The writer is stuck on the first; the rest pile up past the limit of 3.
        for (int i = 1; i <= 6; i++) {
            subscriber.offer(event(i));
        }
        sink.resume();

        assertThat(subscriber.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(SseSubscriber.Ending.TOO_SLOW);
        assertThat(sink.frames).last().isEqualTo("error  {\"reason\":\"client too slow\"}");
        assertThat(sink.frames.size()).isLessThanOrEqualTo(2);
        assertThat(sink.ended).isTrue();
    }

    @Test
    void fanOutCountsDroppedClientsAndForgetsThem() throws Exception {
        AlertMetrics metrics = new AlertMetrics();
        try (AlertFanOut fanOut = new AlertFanOut(Duration.ofHours(1), 1, metrics)) {
            RecordingSink sink = new RecordingSink();
            sink.stall();
            SseSubscriber subscriber = fanOut.subscribe(sink, Backlog.NONE, null, ALL);
            subscriber.start();

            fanOut.publish(List.of(event(1), event(2), event(3)));
            sink.resume();
            subscriber.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(metrics.clientsDropped.sum()).isEqualTo(1);
            assertThat(fanOut.clients()).isZero();
        }
    }

    @Test
    void sendsBacklogFirstThenLiveAlertsEachOnce() throws Exception {
        RecordingSink sink = new RecordingSink();
        Backlog backlog =
                lastDelivered ->
                        lastDelivered.equals(new StreamId(1, 0))
                                ? List.of(event(2), event(3))
                                : List.of();
        SseSubscriber subscriber =
                new SseSubscriber(sink, backlog, new StreamId(1, 0), ALL, 100, writer, IGNORE_END);
        // Live alerts that arrive while the backlog is read overlap with it.
        subscriber.offer(event(3));
        subscriber.offer(event(4));

        subscriber.start();
        subscriber.offer(event(5));

        sink.awaitFrames(4);
        assertThat(sink.frames)
                .containsExactly(
                        "alert 2-0 {\"n\":2}",
                        "alert 3-0 {\"n\":3}",
                        "alert 4-0 {\"n\":4}",
                        "alert 5-0 {\"n\":5}");
    }

    @Test
    void heartbeatIsAComment() throws Exception {
        RecordingSink sink = new RecordingSink();
        SseSubscriber subscriber =
                new SseSubscriber(sink, Backlog.NONE, null, ALL, 10, writer, IGNORE_END);
        subscriber.start();

        subscriber.heartbeat();

        sink.awaitFrames(1);
        assertThat(sink.frames).containsExactly(": heartbeat");
    }

    @Test
    void aFailedWriteMeansTheClientIsGone() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.failWrites = true;
        SseSubscriber subscriber =
                new SseSubscriber(sink, Backlog.NONE, null, ALL, 10, writer, IGNORE_END);
        subscriber.start();

        subscriber.offer(event(1));

        assertThat(subscriber.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(SseSubscriber.Ending.CLIENT_GONE);
        assertThat(sink.ended).isTrue();
    }

    private static AlertEvent event(int n) {
        return new AlertEvent(new StreamId(n, 0), "{\"n\":" + n + "}", "query-1");
    }

    /** Records frames as text; can hold the writer inside a write, like a client not reading. */
    private static final class RecordingSink implements EventSink {

        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile boolean ended;
        volatile boolean failWrites;
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final Object written = new Object();

        void stall() {
            gate = new CountDownLatch(1);
        }

        void resume() {
            gate.countDown();
        }

        @Override
        public void alert(AlertEvent event) throws IOException {
            record(SseSubscriber.ALERT_EVENT + " " + event.id() + " " + event.json());
        }

        @Override
        public void event(String name, String id, String data) throws IOException {
            record(name + " " + (id == null ? "" : id) + " " + data);
        }

        @Override
        public void flush() {
            // frames are recorded as they are written
        }

        @Override
        public void comment(String text) throws IOException {
            record(": " + text);
        }

        @Override
        public void end() {
            ended = true;
        }

        /** Waits until at least {@code count} frames have been written. */
        void awaitFrames(int count) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            synchronized (written) {
                while (frames.size() < count) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    assertThat(left).as("%s frames within %s", count, WAIT).isPositive();
                    written.wait(left);
                }
            }
        }

        private void record(String frame) throws IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (failWrites) {
                throw new IOException("connection reset");
            }
            synchronized (written) {
                frames.add(frame);
                written.notifyAll();
            }
        }
    }
}
