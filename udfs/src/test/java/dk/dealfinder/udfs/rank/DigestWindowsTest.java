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
import java.time.Instant;
import java.time.ZoneId;
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

    @Test
    void dailyDigestsRunFromMidnightToMidnightInTheirTimeZoneAcrossClockChanges() {
        DigestWindows danish = new DigestWindows(ZoneId.of("Europe/Copenhagen"));
        long winterNoon = Instant.parse("2026-11-21T11:00:00Z").toEpochMilli();
        assertThat(danish.assignWindows(deal(DigestSchedule.DAILY), winterNoon, null))
                .containsExactly(
                        new TimeWindow(
                                Instant.parse("2026-11-20T23:00:00Z").toEpochMilli(),
                                Instant.parse("2026-11-21T23:00:00Z").toEpochMilli()));
        // 25 October 2026: clocks go back at 03:00 CEST, so that Danish day lasts 25 hours.
        long fallBack = Instant.parse("2026-10-25T12:00:00Z").toEpochMilli();
        TimeWindow longDay =
                danish.assignWindows(deal(DigestSchedule.DAILY), fallBack, null).iterator().next();
        assertThat(longDay.getStart())
                .isEqualTo(Instant.parse("2026-10-24T22:00:00Z").toEpochMilli());
        assertThat(longDay.getEnd() - longDay.getStart()).isEqualTo(25 * HOUR);
        assertThat(danish.assignWindows(deal(DigestSchedule.HOURLY), winterNoon + 17, null))
                .as("hours are whole hours everywhere Denmark's offset applies")
                .containsExactly(new TimeWindow(winterNoon, winterNoon + HOUR));
    }
}
