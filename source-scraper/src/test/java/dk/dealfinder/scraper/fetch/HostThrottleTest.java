package dk.dealfinder.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

    private static final Duration NO_MIN = Duration.ZERO;
    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void spacesRequestsToOneHostAtTheRateAndLeavesOtherHostsAlone() throws Exception {
        SteppingHostClock clock = new SteppingHostClock();
        HostThrottle throttle = new HostThrottle(2.0, 1, clock);

        for (int i = 0; i < 5; i++) {
            throttle.acquire("dba.dk", NO_MIN, LONG);
        }
        throttle.acquire("finn.no", NO_MIN, LONG);

        assertThat(clock.sleeps)
                .as("four waits of 500 ms for dba.dk, none for finn.no")
                .containsExactly(500_000_000L, 500_000_000L, 500_000_000L, 500_000_000L);
    }

    @Test
    void aBurstIsAllowedAfterAQuietSpellButNotMore() throws Exception {
        SteppingHostClock clock = new SteppingHostClock();
        HostThrottle throttle = new HostThrottle(1.0, 3, clock);
        clock.advanceMillis(10_000);

        for (int i = 0; i < 4; i++) {
            throttle.acquire("dba.dk", NO_MIN, LONG);
        }

        assertThat(clock.sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void crawlDelayWidensTheSpacing() throws Exception {
        SteppingHostClock clock = new SteppingHostClock();
        HostThrottle throttle = new HostThrottle(10.0, 1, clock);

        throttle.acquire("dba.dk", Duration.ofSeconds(1), LONG);
        throttle.acquire("dba.dk", Duration.ofSeconds(1), LONG);

        assertThat(clock.sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void aPausedHostWaitsOrIsRefusedWhenThePauseIsTooLong() throws Exception {
        SteppingHostClock clock = new SteppingHostClock();
        HostThrottle throttle = new HostThrottle(100.0, 1, clock);
        throttle.pause("dba.dk", Duration.ofSeconds(30));

        assertThat(throttle.acquire("dba.dk", NO_MIN, Duration.ofSeconds(5)))
                .hasValue(Duration.ofSeconds(30));
        assertThat(clock.sleeps).isEmpty();
        assertThat(throttle.pausedFor("dba.dk")).isEqualTo(Duration.ofSeconds(30));

        assertThat(throttle.acquire("dba.dk", NO_MIN, LONG)).isEmpty();
        assertThat(clock.sleeps).containsExactly(30_000_000_000L);
        assertThat(throttle.pausedFor("dba.dk")).isZero();
    }
}
