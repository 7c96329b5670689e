package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * Qdrant's health check, which the client also uses to compare its version with the server's. The
 * double claims the version of the client jar it is built on.
 */
final class DoubleHealthService extends QdrantGrpc.QdrantImplBase {

    static final String VERSION = "1.18.3";

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
        observer.onNext(
                HealthCheckReply.newBuilder()
                        .setTitle("qdrant - vector search engine (test double)")
                        .setVersion(VERSION)
                        .build());
        observer.onCompleted();
    }
}
