package dk.dealfinder.alertserver;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected SSE client. The shared stream reader offers alerts without ever blocking; a writer
 * task drains them into the client's connection. At most one writer task runs at a time, and only
 * while there is work, so idle clients hold no thread.
 *
 * <p>The queue is bounded by counting: a client that falls more than {@code queueLimit} alerts
 * behind is told so and disconnected, instead of letting one stalled browser grow the heap.
 */
final class SseSubscriber {

    /** Why the connection ended. */
    enum Ending {
        CLIENT_GONE,
        TOO_SLOW,
        BACKLOG_FAILED,
        SERVER_CLOSING
    }

    static final String ALERT_EVENT = "alert";
    static final String ERROR_EVENT = "error";

    private static final Logger LOG = LoggerFactory.getLogger(SseSubscriber.class);

    private final EventSink sink;
    private final BiConsumer<SseSubscriber, Ending> onEnd;
    private final Backlog backlog;
    private final Predicate<AlertEvent> visible;
    private final int queueLimit;
    private final Executor writer;
    private final Queue<AlertEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private volatile boolean started;
    private volatile boolean heartbeatDue;
    private volatile Ending ending;

    /** Touched only by the writer task that holds {@link #draining}. */
    private StreamId lastDelivered;

    private boolean backlogDone;

    SseSubscriber(
            EventSink sink,
            Backlog backlog,
            StreamId resumeAfter,
            Predicate<AlertEvent> visible,
            int queueLimit,
            Executor writer,
            BiConsumer<SseSubscriber, Ending> onEnd) {
        this.sink = sink;
        this.onEnd = onEnd;
        this.backlog = backlog;
        this.lastDelivered = resumeAfter;
        this.visible = visible;
        this.queueLimit = queueLimit;
        this.writer = writer;
    }

    /** Live alerts offered before this are buffered; the backlog goes out first. */
    void start() {
        started = true;
        scheduleDrain();
    }

    /** Buffers a live alert; never blocks the caller (the one reader serving every client). */
    void offer(AlertEvent event) {
        if (ending != null) {
            return;
        }
        if (queued.incrementAndGet() > queueLimit) {
            endWith(Ending.TOO_SLOW);
            return;
        }
        queue.add(event);
        scheduleDrain();
    }

    void heartbeat() {
        heartbeatDue = true;
        scheduleDrain();
    }

    /** Asks the writer to stop at its next turn, e.g. on server shutdown. */
    void endWith(Ending reason) {
        if (ending == null) {
            ending = reason;
            queue.clear();
            scheduleDrain();
        }
    }

    /** Completes once the response has ended, with the reason. */
    CompletableFuture<Ending> ended() {
        return ended;
    }

    private void scheduleDrain() {
        if (started && !ended.isDone() && draining.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        do {
            try {
                writePending();
            } catch (IOException | RuntimeException e) {
                LOG.debug("SSE client connection ended: {}", e.toString());
                finish(ending == null ? Ending.CLIENT_GONE : ending);
            } finally {
                draining.set(false);
            }
        } while (hasWork() && draining.compareAndSet(false, true));
    }

    private boolean hasWork() {
        return !ended.isDone() && (ending != null || heartbeatDue || !queue.isEmpty());
    }

    private void writePending() throws IOException {
        if (ended.isDone()) {
            return;
        }
        if (!backlogDone) {
            writeBacklog();
            backlogDone = true;
        }
        AlertEvent event;
        while (ending == null && (event = queue.poll()) != null) {
            queued.decrementAndGet();
            deliver(event);
        }
        if (heartbeatDue && ending == null) {
            heartbeatDue = false;
            sink.comment("heartbeat");
        }
        if (ending != null) {
            writeEnding(ending);
            sink.flush();
            finish(ending);
        } else {
            sink.flush();
        }
    }

    private void writeBacklog() throws IOException {
        try {
            for (var page = backlog.nextPage(lastDelivered);
                    !page.isEmpty() && ending == null;
                    page = backlog.nextPage(lastDelivered)) {
                for (AlertEvent event : page) {
                    deliver(event);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the alert backlog for an SSE client", e);
            endWith(Ending.BACKLOG_FAILED);
        }
    }

    /**
     * Backlog and live feed overlap around the moment of connecting; ids keep each alert once.
     * Alerts the user may not see are passed over, and still move the position on, so the backlog
     * pages forward past them.
     */
    private void deliver(AlertEvent event) throws IOException {
        if (lastDelivered == null || event.id().compareTo(lastDelivered) > 0) {
            if (visible.test(event)) {
                sink.alert(event);
            }
            lastDelivered = event.id();
        }
    }

    private void writeEnding(Ending reason) throws IOException {
        switch (reason) {
            case TOO_SLOW -> sink.event(ERROR_EVENT, null, "{\"reason\":\"client too slow\"}");
            case BACKLOG_FAILED ->
                    sink.event(ERROR_EVENT, null, "{\"reason\":\"alert store unavailable\"}");
            default -> {
                // The client left or the server is stopping: nothing useful to say.
            }
        }
    }

    private void finish(Ending reason) {
        if (ended.isDone()) {
            return;
        }
        queue.clear();
        // Bookkeeping first, so whoever sees the stream end also sees the client gone.
        onEnd.accept(this, reason);
        try {
            sink.end();
        } finally {
            ended.complete(reason);
        }
    }
}
