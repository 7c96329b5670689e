package dk.dealfinder.sink.qdrant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps the writes to each point in the order a writer submitted them while batches for other
 * points go out concurrently: a batch is sent once every earlier batch touching one of its points
 * has finished, retries included. Without it, with more than one request in flight, a slow or
 * retried batch could land after a later write to the same point and leave a stale payload.
 *
 * <p>{@link #admit} runs on the writer's thread in submission order; turns finish on whatever
 * thread the Qdrant call completes on.
 */
final class PointOrdering {

    private final Map<String, CompletableFuture<Void>> lastWriter = new ConcurrentHashMap<>();

    /** Queues a batch touching {@code pointIds} behind the earlier batches touching any of them. */
    Turn admit(Collection<String> pointIds) {
        Set<String> ids = new LinkedHashSet<>(pointIds);
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<CompletableFuture<Void>> earlier = new ArrayList<>();
        for (String id : ids) {
            CompletableFuture<Void> previous = lastWriter.put(id, done);
            if (previous != null && !previous.isDone() && !earlier.contains(previous)) {
                earlier.add(previous);
            }
        }
        return new Turn(
                ids,
                done,
                CompletableFuture.allOf(earlier.toArray(new CompletableFuture<?>[0])),
                !earlier.isEmpty());
    }

    /** Points with a batch admitted and not finished yet. */
    int pointsInFlight() {
        return lastWriter.size();
    }

    /** One batch's place in the order of writes to its points. */
    final class Turn {

        private final Set<String> ids;
        private final CompletableFuture<Void> done;
        private final CompletableFuture<Void> ready;
        private final boolean waits;

        private Turn(
                Set<String> ids,
                CompletableFuture<Void> done,
                CompletableFuture<Void> ready,
                boolean waits) {
            this.ids = ids;
            this.done = done;
            this.ready = ready;
            this.waits = waits;
        }

        /** Whether an earlier batch to one of its points was still unfinished when admitted. */
        boolean waits() {
            return waits;
        }

        /**
         * Runs {@code send} once the earlier batches finished: with null when they all succeeded,
         * else with the failure of one of them (at once, on this thread, when nothing is pending).
         */
        void whenReady(Consumer<Throwable> send) {
            ready.whenComplete((ignored, failure) -> send.accept(failure));
        }

        /** The batch reached Qdrant: later batches to its points may go. */
        void finished() {
            release();
            done.complete(null);
        }

        /** The batch failed for good: later batches to its points must not overtake it. */
        void failed(Throwable failure) {
            release();
            done.completeExceptionally(failure);
        }

        private void release() {
            ids.forEach(id -> lastWriter.remove(id, done));
        }
    }
}
