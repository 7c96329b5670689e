package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.core.text.DanishDates;
import dk.dealfinder.core.text.DanishPrices;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Numbers and times as a Danish reader expects them: {@code 1.250 kr.}, {@code 21. nov. 2026 14:05}
 * in Danish local time, scores as whole numbers.
 */
final class DanishFormats {

    private static final List<String> MONTHS =
            List.of(
                    "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.",
                    "nov.", "dec.");

    private DanishFormats() {}

    /** {@code 1250, "DKK" -> "1.250 kr."}; other currencies keep their code. */
    static String price(Long amount, String currency) {
        String text = DanishPrices.format(amount);
        if (amount == null || amount == 0 || currency == null || currency.equals("DKK")) {
            return text;
        }
        return text.substring(0, text.length() - "kr.".length()) + currency;
    }

    /** Epoch millis as {@code 21. nov. 2026 14:05}; empty for unknown (0 or negative). */
    static String dateTime(long epochMillis) {
        if (epochMillis <= 0) {
            return "";
        }
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(DanishDates.DANISH_TIME);
        return String.format(
                Locale.ROOT,
                "%d. %s %d %02d:%02d",
                t.getDayOfMonth(),
                MONTHS.get(t.getMonthValue() - 1),
                t.getYear(),
                t.getHour(),
                t.getMinute());
    }

    /** {@code 21. nov.}: for chart axes, where the year is clear from context. */
    static String dayMonth(long epochMillis) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(DanishDates.DANISH_TIME);
        return t.getDayOfMonth() + ". " + MONTHS.get(t.getMonthValue() - 1);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String isoInstant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** A 0..100 deal score as a whole number. */
    static String score(double score) {
        return Long.toString(Math.round(score));
    }

    /** A 0..1 score part as a percentage, {@code 0.875 -> "88 %"}. */
    static String percent(double part) {
        return Math.round(part * 100) + " %";
    }
}
