package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.model.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Danish words that flip what a listing is, whatever an embedding model thinks of it: "købes"
 * (wanted), "byttes" (swap), "defekt" (broken), "cover til …" (an accessory), and sibling models
 * ("iPhone 13 Pro" when the query is "iPhone 13"). These are the decoys that keyword filters and
 * English embedding models get wrong most often on real DBA listings.
 */
public final class DanishMarkers {

    private static final Pattern WANTED = word("købes|søges|ønskes|køber");
    private static final Pattern SWAP = word("byttes|bytte|byt");
    private static final Pattern BROKEN =
            word(
                    "defekt|defekte|i stykker|til reservedele|reservedele|tænder ikke|virker ikke"
                            + "|revnet|knækket|vandskadet|smadret");
    private static final Pattern ACCESSORY =
            word(
                    "cover|covers|etui|case|oplader|ladekabel|kabel|panserglas|beskyttelsesglas|skærmbeskyttelse|holder|taske|rem|kun"
                        + " kassen|kun æske|tom æske|æske|emballage"
                        + "|manual|vejledning|minifigur|minifigurer|klistermærker|reservedel|dæk|slange");
    private static final Set<String> SIBLING_QUALIFIERS =
            Set.of("pro", "max", "mini", "plus", "ultra", "fe", "lite", "se", "xl", "air");

    private DanishMarkers() {}

    /** What the title and description mark the listing as, or empty when no marker applies. */
    public static Optional<Marked> judge(String title, String description, String queryTerms) {
        String t = fold(title);
        String d = fold(description);
        String q = fold(queryTerms);
        if (WANTED.matcher(t).find()) {
            return Optional.of(new Marked(Verdict.WANTED_AD, "a wanted ad (\"købes\")"));
        }
        if (SWAP.matcher(t).find()) {
            return Optional.of(new Marked(Verdict.SWAP, "offered as a swap (\"byttes\")"));
        }
        if (BROKEN.matcher(t).find() || BROKEN.matcher(d).find()) {
            return Optional.of(new Marked(Verdict.BROKEN, "described as broken or for parts"));
        }
        var accessory = ACCESSORY.matcher(t);
        if (accessory.find() && !q.contains(accessory.group().strip())) {
            return Optional.of(
                    new Marked(
                            Verdict.ACCESSORY,
                            "an accessory (\"" + accessory.group().strip() + "\")"));
        }
        return sibling(t, q);
    }

    private static Optional<Marked> sibling(String title, String query) {
        List<String> queryTokens = tokens(query);
        List<String> titleTokens = tokens(title);
        if (queryTokens.isEmpty()) {
            return Optional.empty();
        }
        String last = queryTokens.get(queryTokens.size() - 1);
        for (int i = 0; i + 1 < titleTokens.size(); i++) {
            String next = titleTokens.get(i + 1);
            if (titleTokens.get(i).equals(last)
                    && SIBLING_QUALIFIERS.contains(next)
                    && !queryTokens.contains(next)) {
                return Optional.of(
                        new Marked(
                                Verdict.IRRELEVANT,
                                "a sibling model (\"" + last + " " + next + "\")"));
            }
        }
        return Optional.empty();
    }

    private static List<String> tokens(String s) {
        return Arrays.stream(s.split("[^\\p{L}\\p{N}]+")).filter(x -> !x.isEmpty()).toList();
    }

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    private static String fold(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A verdict a marker decided, with the reason a user can read. */
    public record Marked(Verdict verdict, String reason) {}
}
