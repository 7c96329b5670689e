package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call with a response, or with the status a rejected request earns. */
final class Replies {

    private Replies() {}

    static <T> void reply(StreamObserver<T> observer, Supplier<T> handler) {
        T response;
        try {
            response = handler.get();
        } catch (QdrantDoubleException e) {
            observer.onError(e.toStatus().asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
