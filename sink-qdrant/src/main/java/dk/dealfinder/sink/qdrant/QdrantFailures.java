package dk.dealfinder.sink.qdrant;

import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which Qdrant failures are worth retrying. Unavailable, overloaded (rate limits answer
 * RESOURCE_EXHAUSTED) and timed-out calls may succeed later; a request Qdrant rejects as invalid (a
 * wrong vector size, a bad payload) or one over its size limit will fail the same way again.
 */
public final class QdrantFailures {

    private static final Set<Status.Code> TRANSIENT =
            EnumSet.of(
                    Status.Code.UNAVAILABLE,
                    Status.Code.RESOURCE_EXHAUSTED,
                    Status.Code.DEADLINE_EXCEEDED);

    private QdrantFailures() {}

    public static boolean isRetryable(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        if (!TRANSIENT.contains(status.getCode())) {
            return false;
        }
        // gRPC reports a message over the server's size limit as RESOURCE_EXHAUSTED too.
        String description = status.getDescription();
        return description == null || !description.contains("exceeds maximum");
    }

    /** The status and Qdrant's own explanation, for an error message. */
    public static String describe(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return status.getDescription() == null
                ? status.getCode().toString()
                : status.getCode() + ": " + status.getDescription();
    }
}
