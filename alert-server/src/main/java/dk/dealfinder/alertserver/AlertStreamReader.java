package dk.dealfinder.alertserver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per replica that tails the Redis stream (XREAD BLOCK) and hands new entries to the
 * fan-out. One reader instead of one per client keeps Redis load flat in the number of browsers;
 * every replica tailing the same stream is what lets them sit behind a plain load balancer.
 */
final class AlertStreamReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStreamReader.class);

    /** Short enough that close() returns promptly, long enough that idle polling is negligible. */
    private static final Duration BLOCK = Duration.ofMillis(500);

    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int BATCH = 500;

    private final RedisAlertStream stream;
    private final AlertFanOut fanOut;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    /** Last entry handed to the fan-out; owned by the reader thread once started. */
    private StreamId last;

    AlertStreamReader(RedisAlertStream stream, AlertFanOut fanOut, String name) {
        this.stream = stream;
        this.fanOut = fanOut;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /**
     * Takes the stream's current end before returning, so a client that connects as soon as the
     * HTTP server is up cannot miss an alert the reader has not started waiting for yet.
     */
    void start() {
        try {
            last = stream.lastId();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Alert stream not readable at startup, the reader keeps trying: {}",
                    e.toString());
        }
        thread.start();
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try {
                if (last == null) {
                    // Live clients want what arrives from now on; resumes read their own backlog.
                    last = stream.lastId();
                }
                List<AlertEvent> events = stream.read(last, BLOCK, BATCH);
                if (!events.isEmpty()) {
                    fanOut.publish(events);
                    last = events.get(events.size() - 1).id();
                }
            } catch (RuntimeException e) {
                // Redis down or anything unexpected: a dead reader would silently stop the feed.
                if (stopped.getCount() > 0) {
                    LOG.warn(
                            "Reading the alert stream failed, retrying in {}: {}",
                            RETRY,
                            e.toString());
                    awaitStop(RETRY);
                }
            }
        }
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        try {
            thread.join(BLOCK.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
