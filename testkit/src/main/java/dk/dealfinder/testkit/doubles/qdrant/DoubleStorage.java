package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collections of the Qdrant double and its update queue. Like Qdrant, every update is validated
 * first, then applied in arrival order by one writer; {@code wait=true} answers after the update is
 * applied (or with the error applying it raised, such as NOT_FOUND for a set-payload on a missing
 * point id), {@code wait=false} as soon as it is queued, so a client that reads right after an
 * unwaited write can miss it, and never hears of its failure, as against real Qdrant.
 */
final class DoubleStorage implements AutoCloseable {

    private final ConcurrentMap<String, StoredCollection> collections = new ConcurrentHashMap<>();
    private final AtomicLong operationIds = new AtomicLong();
    private final ExecutorService updates =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "qdrant-double-updates");
                        thread.setDaemon(true);
                        return thread;
                    });

    StoredCollection collection(String name) {
        StoredCollection collection = collections.get(name);
        if (collection == null) {
            throw QdrantDoubleException.collectionNotFound(name);
        }
        return collection;
    }

    boolean exists(String name) {
        return collections.containsKey(name);
    }

    List<String> names() {
        return collections.keySet().stream().sorted().toList();
    }

    void create(String name, int vectorSize, Distance distance) {
        if (name.isBlank()) {
            throw QdrantDoubleException.invalid("collection name must not be empty");
        }
        if (vectorSize <= 0) {
            throw QdrantDoubleException.invalid("vector size must be positive, got " + vectorSize);
        }
        StoredCollection created = new StoredCollection(vectorSize, distance);
        if (collections.putIfAbsent(name, created) != null) {
            throw QdrantDoubleException.invalid("Collection `" + name + "` already exists!");
        }
    }

    boolean delete(String name) {
        return collections.remove(name) != null;
    }

    /** Queues an already validated update; waits for it when the client asked to. */
    UpdateResult apply(boolean wait, Runnable update) {
        long operationId = operationIds.getAndIncrement();
        Future<?> applied = updates.submit(update);
        if (wait) {
            try {
                applied.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for an update", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof QdrantDoubleException rejected) {
                    throw rejected;
                }
                throw new IllegalStateException("update failed in the Qdrant double", e.getCause());
            }
        }
        return UpdateResult.newBuilder()
                .setOperationId(operationId)
                .setStatus(wait ? UpdateStatus.Completed : UpdateStatus.Acknowledged)
                .build();
    }

    @Override
    public void close() {
        updates.shutdownNow();
    }
}
