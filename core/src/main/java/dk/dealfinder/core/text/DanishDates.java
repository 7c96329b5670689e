package dk.dealfinder.core.text;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publish times marketplaces print: epoch millis from the JSON API, ISO-8601 from
 * JSON-LD, and the Danish relative forms on the HTML pages ({@code "i dag 14:32"}, {@code "i går"},
 * {@code "12. nov."}, {@code "3 min. siden"}). Relative forms are resolved against a
 * caller-supplied "now" in Danish local time, so parsing is deterministic and testable.
 */
public final class DanishDates {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,14}");
    private static final Pattern TODAY =
            Pattern.compile("(i dag|i går|i forgårs)(?:,? ?(?:kl\\.? ?)?(\\d{1,2})[:.](\\d{2}))?");
    private static final Pattern AGO =
            Pattern.compile(
                    "(?:for )?(\\d+|en|et)"
                        + " ?(sek|sekund(?:er)?|min|minut(?:ter)?|time(?:r)?|t|dag(?:e)?|uge(?:r)?)\\.?"
                        + " siden");
    private static final Pattern DAY_MONTH =
            Pattern.compile(
                    "(\\d{1,2})\\. ?([a-zæøå]+)\\.?(?: (\\d{4}))?(?:,? ?(?:kl\\.?"
                            + " ?)?(\\d{1,2})[:.](\\d{2}))?");
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})(?: (\\d{1,2})[:.](\\d{2}))?");

    private static final Map<String, Integer> MONTHS =
            Map.ofEntries(
                    Map.entry("jan", 1),
                    Map.entry("feb", 2),
                    Map.entry("mar", 3),
                    Map.entry("apr", 4),
                    Map.entry("maj", 5),
                    Map.entry("jun", 6),
                    Map.entry("jul", 7),
                    Map.entry("aug", 8),
                    Map.entry("sep", 9),
                    Map.entry("okt", 10),
                    Map.entry("nov", 11),
                    Map.entry("dec", 12));

    private DanishDates() {}

    /**
     * Parses a publish time.
     *
     * @param text the text as scraped
     * @param now the moment the page was fetched; relative forms count back from it
     * @throws IllegalArgumentException with the offending text when no known form matches
     */
    public static Instant parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty date");
        }
        String t =
                text.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace('\u00a0', ' ')
                        .replaceAll("\\s+", " ");
        ZonedDateTime local = now.atZone(DANISH_TIME);
        try {
            if (EPOCH_MILLIS.matcher(t).matches()) {
                return Instant.ofEpochMilli(Long.parseLong(t));
            }
            if (t.length() > 10 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-') {
                return parseIso(text.strip());
            }
            Matcher m;
            if ((m = TODAY.matcher(t)).matches()) {
                int daysBack =
                        switch (m.group(1)) {
                            case "i dag" -> 0;
                            case "i går" -> 1;
                            default -> 2;
                        };
                LocalDate day = local.toLocalDate().minusDays(daysBack);
                return at(day, m.group(2), m.group(3));
            }
            if ((m = AGO.matcher(t)).matches()) {
                return now.minus(agoDuration(m.group(1), m.group(2)));
            }
            if ((m = NUMERIC_DATE.matcher(t)).matches()) {
                LocalDate day =
                        LocalDate.of(
                                Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(1)));
                return at(day, m.group(4), m.group(5));
            }
            if ((m = DAY_MONTH.matcher(t)).matches()) {
                return dayMonth(m, local);
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "not a valid date: '"
                            + DanishPrices.abbreviate(text)
                            + "' ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        throw new IllegalArgumentException("not a date: '" + DanishPrices.abbreviate(text) + "'");
    }

    private static Instant parseIso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(text).atZone(DANISH_TIME).toInstant();
        }
    }

    private static Instant dayMonth(Matcher m, ZonedDateTime local) {
        String monthWord = m.group(2);
        Integer month = monthWord.length() >= 3 ? MONTHS.get(monthWord.substring(0, 3)) : null;
        if (month == null) {
            throw new IllegalArgumentException("unknown month '" + monthWord + "'");
        }
        int day = Integer.parseInt(m.group(1));
        LocalDate date;
        if (m.group(3) != null) {
            date = LocalDate.of(Integer.parseInt(m.group(3)), month, day);
        } else {
            // No year printed: the site means the most recent such day that is not in the future.
            date = MonthDay.of(month, day).atYear(local.getYear());
            if (date.isAfter(local.toLocalDate())) {
                date = date.minusYears(1);
            }
        }
        return at(date, m.group(4), m.group(5));
    }

    private static Instant at(LocalDate day, String hour, String minute) {
        LocalTime time =
                hour == null
                        ? LocalTime.MIDNIGHT
                        : LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
        return day.atTime(time).atZone(DANISH_TIME).toInstant();
    }

    private static Duration agoDuration(String count, String unit) {
        long n = count.equals("en") || count.equals("et") ? 1 : Long.parseLong(count);
        if (unit.startsWith("sek")) {
            return Duration.ofSeconds(n);
        } else if (unit.startsWith("min")) {
            return Duration.ofMinutes(n);
        } else if (unit.startsWith("t")) {
            return Duration.ofHours(n);
        } else if (unit.startsWith("d")) {
            return Duration.ofDays(n);
        }
        return Duration.ofDays(7 * n);
    }
}
