package dk.dealfinder.udfs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DailyBudgetTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T23:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void reservesSettlesRefusesAndStartsAfreshAtMidnightUtc() {
        ManualClock clock = new ManualClock();
        DailyBudget budget = new DailyBudget(1.0, clock);

        assertThat(budget.tryReserve(0.6)).isTrue();
        budget.settle(0.6, 0.3);
        assertThat(budget.spentToday()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(budget.tryReserve(0.6)).isTrue();
        assertThat(budget.tryReserve(0.2)).isFalse();

        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(budget.spentToday()).isZero();
        assertThat(budget.tryReserve(0.9)).isTrue();
    }
}
