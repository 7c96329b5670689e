package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Errors queued per gRPC method, each consumed by one call. */
final class FaultPlan {

    private final Map<String, Deque<Status.Code>> pending = new HashMap<>();

    synchronized void failNext(String method, Status.Code code, int times) {
        Deque<Status.Code> queue = pending.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(code);
        }
    }

    synchronized Optional<Status.Code> take(String method) {
        Deque<Status.Code> queue = pending.get(method);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }

    synchronized void clear() {
        pending.clear();
    }
}
