package dk.dealfinder.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DanishDatesTest {

    /** Saturday 21 November 2026, 15:00 in Copenhagen (UTC+1). */
    private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "i dag 14:32|2026-11-21T14:32",
                "I dag, kl. 09.05|2026-11-21T09:05",
                "i går 09:10|2026-11-20T09:10",
                "i går|2026-11-20T00:00",
                "i forgårs 23:59|2026-11-19T23:59",
                "12. nov.|2026-11-12T00:00",
                "12. nov. 14:32|2026-11-12T14:32",
                "3. december|2025-12-03T00:00",
                "1. maj 2024|2024-05-01T00:00",
                "24.12.2025 18:00|2025-12-24T18:00",
                "3 min. siden|2026-11-21T14:57",
                "for 2 timer siden|2026-11-21T13:00",
                "en dag siden|2026-11-20T15:00",
            })
    void readsDanishRelativeAndAbsoluteForms(String text, String expectedLocal) {
        Instant expected =
                LocalDateTime.parse(expectedLocal).atZone(DanishDates.DANISH_TIME).toInstant();
        assertThat(DanishDates.parse(text, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1763733120000|2025-11-21T13:52:00Z",
                "2026-11-20T08:15:00+01:00|2026-11-20T07:15:00Z",
                "2026-11-20T08:15:00Z|2026-11-20T08:15:00Z",
            })
    void readsMachineFormatsFromTheApiAndJsonLd(String text, String expected) {
        assertThat(DanishDates.parse(text, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "i morgen", "32. nov.", "12. foo", "31.02.2025", "snart"})
    void unknownFormsAreClearErrors(String text) {
        assertThatThrownBy(() -> DanishDates.parse(text, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(not a (valid )?date: '.*|empty date|unknown month.*)");
    }
}
