package dk.dealfinder.job.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayStartTest {

    @Test
    void readsEarliestInstantsOffsetsAndDates() {
        assertThat(ReplayStart.parse("earliest")).isEqualTo(ReplayStart.EARLIEST);
        assertThat(ReplayStart.parse(" EARLIEST ")).isEqualTo(ReplayStart.EARLIEST);
        assertThat(ReplayStart.parse("2026-11-01T08:00:00Z").from())
                .hasValue(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(ReplayStart.parse("2026-11-01T09:00:00+01:00").from())
                .hasValue(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(ReplayStart.parse("2026-11-01").from())
                .hasValue(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> ReplayStart.parse("last tuesday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'earliest' or an ISO-8601 time")
                .hasMessageContaining("last tuesday");
    }

    @Test
    void progressIsDescribedInListingsAndPercent() {
        assertThat(ReplayProgress.describe(1234, 5000))
                .isEqualTo(String.format("replayed %,d of %,d listings (24 %%)", 1234, 5000));
        assertThat(ReplayProgress.describe(0, 0)).endsWith("(100 %)");
    }
}
