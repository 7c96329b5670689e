package dk.dealfinder.udfs.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads storage, size and condition from Danish listing text with patterns (brand and model need a
 * language model; the LLM fills them in).
 */
final class AttributeReader {

    private static final Pattern STORAGE =
            Pattern.compile("(?<![\\p{L}\\p{N}])(\\d{1,4})\\s?(gb|tb)(?![\\p{L}])");
    private static final Pattern SIZE =
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(?:str\\.?|størrelse)\\s?(\\d{1,3}|xs|s|m|l|xl|xxl)"
                            + "(?![\\p{L}\\p{N}])|(\\d{2,3})\\s?(?:tommer|\")");
    private static final Pattern CONDITION =
            Pattern.compile(
                    "(?<![\\p{L}])(som ny|helt ny|uåbnet|ubrugt|næsten ny|god stand|pæn stand"
                            + "|brugt|slidt|ridset)(?![\\p{L}])");

    private AttributeReader() {}

    static ListingAttributes read(String title, String description) {
        String text =
                ((title == null ? "" : title) + "\n" + (description == null ? "" : description))
                        .toLowerCase(Locale.ROOT);
        return new ListingAttributes(
                null,
                null,
                first(STORAGE, text, m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT)),
                first(SIZE, text, m -> m.group(1) != null ? m.group(1) : m.group(2) + " tommer"),
                first(CONDITION, text, m -> m.group(1)));
    }

    private static String first(
            Pattern pattern, String text, java.util.function.Function<Matcher, String> value) {
        Matcher m = pattern.matcher(text);
        return m.find() ? value.apply(m) : null;
    }
}
