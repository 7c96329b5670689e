package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), 7);

        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBefore(5)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoffBefore(6)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoffBefore(60)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.totalBackoff())
                .isEqualTo(Duration.ofMillis(100 + 200 + 400 + 800 + 1000 + 1000));
    }

    @Test
    void rejectsACapBelowTheInitialDelay() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max backoff");
    }

    @Test
    void theSinksRequestTimeoutCoversEveryAttemptAndBackoff() {
        QdrantSink<?> sink =
                QdrantSink.forListings()
                        .setEndpoint("localhost", 6334, false)
                        .setCollection(
                                "listings", 384, io.qdrant.client.grpc.Collections.Distance.Cosine)
                        .setCallTimeout(Duration.ofSeconds(1))
                        .setRetryPolicy(
                                new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 4))
                        .build();
        long budget = 4 * 1000 + 100 + 200 + 400;
        assertThat(QdrantSink.requestTimeoutMs(sink.options(), 1)).isGreaterThan(budget);
        // A batch may wait for each batch in flight before it.
        assertThat(QdrantSink.requestTimeoutMs(sink.options(), 3)).isGreaterThan(3 * budget);
    }
}
