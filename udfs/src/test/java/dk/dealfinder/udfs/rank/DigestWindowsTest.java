package dk.dealfinder.udfs.rank;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.score.PriceStanding;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

class DigestWindowsTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final DigestWindows WINDOWS = new DigestWindows();

    private static ScoredDeal deal(DigestSchedule schedule) {
        return new ScoredDeal(
                classified(
                        listing("1", "iPhone 13", 2000L),
                        query("q", "iPhone 13", null, List.of()).withDelivery(schedule, true),
                        Verdict.RELEVANT,
                        0.9),
                70,
                new ScoreComponents(0.9, 0.6, 1, 0.5),
                PriceStanding.UNDER_MARKET,
                "why");
    }

    @Test
    void eachDealLandsInTheTumblingWindowOfItsQuerysSchedule() {
        long at = 3 * DAY + 5 * HOUR + 17;

        assertThat(WINDOWS.assignWindows(deal(DigestSchedule.HOURLY), at, null))
                .containsExactly(new TimeWindow(3 * DAY + 5 * HOUR, 3 * DAY + 6 * HOUR));
        assertThat(WINDOWS.assignWindows(deal(DigestSchedule.DAILY), at, null))
                .containsExactly(new TimeWindow(3 * DAY, 4 * DAY));
        assertThat(WINDOWS.assignWindows(deal(DigestSchedule.OFF), at, null)).isEmpty();
    }

    @Test
    void aWindowEndsAtTheFirstInstantOfTheNext() {
        assertThat(WINDOWS.assignWindows(deal(DigestSchedule.HOURLY), HOUR, null))
                .containsExactly(new TimeWindow(HOUR, 2 * HOUR));
        assertThat(WINDOWS.assignWindows(deal(DigestSchedule.HOURLY), HOUR - 1, null))
                .containsExactly(new TimeWindow(0, HOUR));
        assertThat(WINDOWS.isEventTime()).isTrue();
    }
}
