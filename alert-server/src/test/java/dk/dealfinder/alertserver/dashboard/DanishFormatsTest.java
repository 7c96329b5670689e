package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DanishFormatsTest {

    @Test
    void pricesUseDanishGroupingAndKroner() {
        assertThat(DanishFormats.price(1250L, "DKK")).isEqualTo("1.250 kr.");
        assertThat(DanishFormats.price(1_250_000L, null)).isEqualTo("1.250.000 kr.");
        assertThat(DanishFormats.price(40L, "EUR")).isEqualTo("40 EUR");
        assertThat(DanishFormats.price(null, "DKK")).isEqualTo("Ingen pris");
    }

    @Test
    void timesAreDanishLocalTimeWithAbbreviatedMonths() {
        long winter = Instant.parse("2026-11-21T13:05:00Z").toEpochMilli();
        long summer = Instant.parse("2026-05-02T07:30:00Z").toEpochMilli();

        assertThat(DanishFormats.dateTime(winter)).isEqualTo("21. nov. 2026 14:05");
        assertThat(DanishFormats.dateTime(summer)).isEqualTo("2. maj 2026 09:30");
        assertThat(DanishFormats.dateTime(0)).isEmpty();
    }

    @Test
    void scoresAreWholeNumbersAndPartsPercentages() {
        assertThat(DanishFormats.score(87.5)).isEqualTo("88");
        assertThat(DanishFormats.percent(0.875)).isEqualTo("88 %");
    }
}
