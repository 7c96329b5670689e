package dk.dealfinder.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void opensAfterTheThresholdLetsOneTrialThroughAndClosesOnSuccess() {
        SteppingHostClock clock = new SteppingHostClock();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), clock);

        assertThat(breaker.failure("dba.dk")).isFalse();
        assertThat(breaker.failure("dba.dk")).isFalse();
        assertThat(breaker.failure("dba.dk")).as("third failure opens").isTrue();
        assertThat(breaker.allows("dba.dk")).isFalse();
        assertThat(breaker.allows("finn.no")).isTrue();

        clock.advanceMillis(60_000);
        assertThat(breaker.allows("dba.dk")).as("half open: one trial").isTrue();
        assertThat(breaker.failure("dba.dk")).as("a failed trial re-opens").isTrue();
        assertThat(breaker.allows("dba.dk")).isFalse();

        clock.advanceMillis(60_000);
        breaker.success("dba.dk");
        assertThat(breaker.allows("dba.dk")).isTrue();
        assertThat(breaker.failure("dba.dk")).as("closed again: counting from zero").isFalse();
    }
}
