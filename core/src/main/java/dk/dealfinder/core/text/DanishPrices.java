package dk.dealfinder.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads prices the way Danish marketplaces print them: {@code "1.250 kr."}, {@code "1.250,-"},
 * {@code "kr. 1.250,50"}, {@code "1250"} (API amounts), {@code "Gives væk"}. A dot followed by
 * exactly three digits is a thousands separator, a comma is the decimal mark.
 */
public final class DanishPrices {

    private static final Pattern NUMBER =
            Pattern.compile("\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?");
    private static final Pattern FREE = Pattern.compile("\\b(gives væk|gratis|gives bort)\\b");
    private static final Pattern UNITS =
            Pattern.compile("(?<![a-zæøå])(kr\\.?|dkk|nok|sek|eur|€)(?![a-zæøå])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    /** Texts that state no price at all; a listing with one of them is priced {@code null}. */
    private static final Pattern NO_PRICE =
            Pattern.compile("^(byd|bud|byttes|se pris|ring|kontakt|efter aftale|-|)$");

    private DanishPrices() {}

    /**
     * Parses a price in whole currency units (rounded half-up).
     *
     * @return the amount, 0 for "Gives væk", or null when the text states no price
     * @throws IllegalArgumentException when the text is neither a price nor a known no-price phrase
     */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        if (FREE.matcher(t).find()) {
            return 0L;
        }
        // Compiled once (above): the normalizer parses a price for every listing.
        String withoutUnits =
                SPACES.matcher(UNITS.matcher(t).replaceAll(" ").replace(",-", " "))
                        .replaceAll(" ")
                        .strip();
        if (NO_PRICE.matcher(withoutUnits).matches()) {
            return null;
        }
        Matcher m = NUMBER.matcher(withoutUnits.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a price: '" + abbreviate(text) + "'");
        }
        return toWholeUnits(m.group());
    }

    private static long toWholeUnits(String number) {
        String canonical;
        if (GROUPED.matcher(number).matches()) {
            canonical = number.replace(".", "").replace(',', '.');
        } else {
            // "1250", "1250,50" or an API amount like "1250.5"
            canonical = number.replace(',', '.');
        }
        return new BigDecimal(canonical).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Formats an amount the Danish way: {@code 1250 -> "1.250 kr."}, 0 -> "Gives væk". */
    public static String format(Long amount) {
        if (amount == null) {
            return "Ingen pris";
        }
        if (amount == 0) {
            return "Gives væk";
        }
        return String.format(Locale.GERMANY, "%,d kr.", amount);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
