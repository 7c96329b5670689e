package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class QdrantFailuresTest {

    @Test
    void retriesUnavailableOverloadedAndTimedOutCalls() {
        for (Status.Code code :
                List.of(
                        Status.Code.UNAVAILABLE,
                        Status.Code.RESOURCE_EXHAUSTED,
                        Status.Code.DEADLINE_EXCEEDED)) {
            Throwable wrapped = new ExecutionException(Status.fromCode(code).asRuntimeException());
            assertThat(QdrantFailures.isRetryable(wrapped)).as(code.toString()).isTrue();
        }
    }

    @Test
    void failsFastOnRequestsQdrantWillRejectAgain() {
        for (Status.Code code :
                List.of(
                        Status.Code.INVALID_ARGUMENT,
                        Status.Code.NOT_FOUND,
                        Status.Code.PERMISSION_DENIED,
                        Status.Code.UNAUTHENTICATED)) {
            assertThat(QdrantFailures.isRetryable(Status.fromCode(code).asRuntimeException()))
                    .as(code.toString())
                    .isFalse();
        }
        assertThat(QdrantFailures.isRetryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aRequestOverTheSizeLimitIsNotRetried() throws Exception {
        try (QdrantDouble qdrant = QdrantDouble.start();
                QdrantClient client = qdrant.newClient()) {
            client.createCollectionAsync(
                            "c",
                            VectorParams.newBuilder().setSize(1).setDistance(Distance.Dot).build())
                    .get();
            PointStruct huge =
                    PointStruct.newBuilder()
                            .setId(id(1))
                            .setVectors(vectors(1f))
                            .putPayload("blob", value("x".repeat(QdrantDouble.MAX_REQUEST_BYTES)))
                            .build();
            assertThatThrownBy(() -> client.upsertAsync("c", List.of(huge)).get())
                    .satisfies(
                            e -> {
                                assertThat(Status.fromThrowable(e).getCode())
                                        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                                assertThat(QdrantFailures.isRetryable(e)).isFalse();
                            });
        }
    }

    @Test
    void describesTheStatusWithQdrantsReason() {
        Throwable failure =
                Status.INVALID_ARGUMENT
                        .withDescription(
                                "Wrong input: Vector dimension error: expected dim: 384, got 3")
                        .asRuntimeException();
        assertThat(QdrantFailures.describe(failure))
                .isEqualTo(
                        "INVALID_ARGUMENT: Wrong input: Vector dimension error: expected dim: 384,"
                                + " got 3");
    }
}
