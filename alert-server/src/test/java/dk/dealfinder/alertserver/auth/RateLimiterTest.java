package dk.dealfinder.alertserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsABurstThenTheSustainedRatePerKey() {
        RateLimiter limiter = new RateLimiter(60, 3, nanos::get); // one a second, three at once

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).as("fourth at once: wait a second").isEqualTo(1);
        assertThat(limiter.acquire("b")).as("another user has their own bucket").isZero();

        nanos.addAndGet(1_000_000_000L);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);

        nanos.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).as("refilled to the burst, no further").isZero();
        }
        assertThat(limiter.acquire("a")).isPositive();
    }
}
