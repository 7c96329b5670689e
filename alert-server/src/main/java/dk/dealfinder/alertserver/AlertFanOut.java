package dk.dealfinder.alertserver;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Hands every alert the stream reader sees to every connected SSE client of this replica (each
 * client writes only those its user may see), and sends them all a heartbeat comment on a fixed
 * beat so proxies keep idle connections open.
 */
final class AlertFanOut implements AutoCloseable {

    private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    /**
     * Writers run on a bounded pool: with one thread per busy client, a burst to a thousand clients
     * once took hundreds of threads that starved ingest and Redis of CPU. The pool is still large
     * enough that a few clients stuck in a blocking write cannot hold up the rest.
     */
    private static final int WRITER_THREADS = 32;

    private final ExecutorService writers =
            Executors.newFixedThreadPool(WRITER_THREADS, named("sse-writer"));
    private final ScheduledExecutorService beat =
            Executors.newSingleThreadScheduledExecutor(named("sse-heartbeat"));
    private final int queueLimit;
    private final AlertMetrics metrics;

    AlertFanOut(Duration heartbeat, int queueLimit, AlertMetrics metrics) {
        this.queueLimit = queueLimit;
        this.metrics = metrics;
        long period = heartbeat.toMillis();
        beat.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a client before its backlog is read, so nothing published meanwhile is missed; the
     * subscriber drops what the backlog already covered.
     */
    SseSubscriber subscribe(
            EventSink sink, Backlog backlog, StreamId resumeAfter, Predicate<AlertEvent> visible) {
        SseSubscriber subscriber =
                new SseSubscriber(
                        sink, backlog, resumeAfter, visible, queueLimit, writers, this::ended);
        subscribers.add(subscriber);
        return subscriber;
    }

    private void ended(SseSubscriber subscriber, SseSubscriber.Ending ending) {
        subscribers.remove(subscriber);
        if (ending == SseSubscriber.Ending.TOO_SLOW) {
            metrics.clientsDropped.increment();
        }
    }

    void publish(List<AlertEvent> events) {
        for (SseSubscriber subscriber : subscribers) {
            for (AlertEvent event : events) {
                subscriber.offer(event);
            }
        }
    }

    int clients() {
        return subscribers.size();
    }

    private void heartbeat() {
        subscribers.forEach(SseSubscriber::heartbeat);
    }

    /** Ends every open stream so the HTTP server can stop without waiting on them. */
    @Override
    public void close() {
        beat.shutdownNow();
        List<SseSubscriber> open = List.copyOf(subscribers);
        open.forEach(subscriber -> subscriber.endWith(SseSubscriber.Ending.SERVER_CLOSING));
        CompletableFuture<?>[] endings =
                open.stream().map(SseSubscriber::ended).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(endings).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A writer stuck on a dead connection; stopping Jetty cuts it off.
        }
        writers.shutdown();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
