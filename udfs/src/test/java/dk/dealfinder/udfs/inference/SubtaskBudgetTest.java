package dk.dealfinder.udfs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SubtaskBudgetTest {

    @Test
    void reservesSettlesRefusesAndStartsAfreshAtMidnightUtc() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T23:00:00Z"));
        DailyBudget budget = new SubtaskBudget(1.0, clock);

        assertThat(budget.tryReserve(0.6)).isTrue();
        budget.settle(0.6, 0.3);
        assertThat(budget.spentToday()).isEqualTo(0.3, Offset.offset(1e-12));
        assertThat(budget.tryReserve(0.6)).isTrue();
        assertThat(budget.tryReserve(0.2)).isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(budget.spentToday()).isZero();
        assertThat(budget.tryReserve(0.9)).isTrue();
    }
}
