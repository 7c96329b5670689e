package dk.dealfinder.testkit.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Prices and dates written the way DBA's search cards write them. */
final class DanishListingText {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<String> MONTHS =
            List.of(
                    "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.",
                    "nov.", "dec.");

    private DanishListingText() {}

    /** {@code 1.250 kr.} with a dot between thousands, or {@code Gives væk} for a free ad. */
    static String price(long amount) {
        if (amount == 0) {
            return "Gives væk";
        }
        String digits = Long.toString(amount);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.append(" kr.").toString();
    }

    /** "i dag 14:32", "i går 09:10" or "12. nov.", as seen from {@code now} in Danish time. */
    static String publishedAgo(Instant published, Instant now) {
        ZonedDateTime at = published.atZone(DANISH_TIME);
        LocalDate today = now.atZone(DANISH_TIME).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return "i dag " + CLOCK.format(at);
        }
        if (at.toLocalDate().equals(today.minusDays(1))) {
            return "i går " + CLOCK.format(at);
        }
        return at.getDayOfMonth() + ". " + MONTHS.get(at.getMonthValue() - 1);
    }
}
