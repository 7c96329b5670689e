package dk.dealfinder.testkit.doubles.qdrant;

import com.google.protobuf.Message;
import io.grpc.Status;

/**
 * One request the Qdrant double received and how it answered.
 *
 * @param sequence arrival order, starting at 0
 * @param method full gRPC method name, e.g. {@code qdrant.Points/Upsert}
 * @param request the decoded request message
 * @param sizeBytes serialized size of the request
 * @param outcome the status code the double answered with ({@code OK} on success)
 */
public record RecordedRequest(
        long sequence, String method, Message request, int sizeBytes, Status.Code outcome) {

    public boolean succeeded() {
        return outcome == Status.Code.OK;
    }
}
