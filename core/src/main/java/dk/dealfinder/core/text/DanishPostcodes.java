package dk.dealfinder.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the four-digit Danish postcode in a free-text location such as "2100 København Ø". */
public final class DanishPostcodes {

    private static final Pattern POSTCODE = Pattern.compile("(?<!\\d)([1-9]\\d{3})(?!\\d)");

    private DanishPostcodes() {}

    /** Returns the first postcode in the text, or null when it names none. */
    public static String find(String location) {
        if (location == null) {
            return null;
        }
        Matcher m = POSTCODE.matcher(location);
        return m.find() ? m.group(1) : null;
    }
}
