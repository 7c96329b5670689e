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
 * (wanted), "byttes" (swap), "defekt" or "mangler batteri" (broken), "cover til …" or anything else
 * "til" or "fra" the searched item (an accessory or a part), and sibling models ("iPhone 13 Pro"
 * when the query is "iPhone 13"). These are the decoys that keyword filters and English embedding
 * models get wrong most often on real DBA listings.
 *
 * <p>What comes with the item is no marker: "med cover og oplader", "med kvittering og æske", "i
 * original emballage" describe the real thing. A box or a manual alone is marked only as such ("kun
 * kassen", "tom æske").
 */
public final class DanishMarkers {

    private static final Pattern WANTED = word("købes|søges|ønskes|køber");
    private static final Pattern SWAP = word("byttes|bytte|byt");
    private static final Pattern BROKEN =
            word(
                    "defekt|defekte|i stykker|til reservedele|reservedele|tænder ikke|virker ikke"
                            + "|revnet|knækket|vandskadet|smadret|til restaurering|til reparation"
                            + "|skal repareres|skal ompolstres");

    /** Missing parts, in the title: "mangler batteri", "ikke komplet" (not "mangler intet"). */
    private static final Pattern INCOMPLETE =
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(mangler(?!\\s+(intet|ingenting|ikke|kun))|ikke komplet"
                            + "|ufuldstændig)(?![\\p{L}\\p{N}])");

    private static final Pattern ACCESSORY =
            word(
                    "cover|covers|etui|case|oplader|ladekabel|kabel|panserglas|beskyttelsesglas"
                            + "|skærmbeskyttelse|holder|taske|rem|minifigur|minifigurer"
                            + "|klistermærker|reservedel|dæk|slange"
                            + "|kun kassen|kun kasse|kun æsken|kun æske|tom æske|kun emballagen"
                            + "|kun emballage|kun manual|kun vejledning|kun vejledningen");

    /** A toy or miniature version of the item: "legetøjstelefon", "dukkehusmøbel". */
    private static final Pattern TOY =
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(legetøj\\p{L}*|dukkehus\\p{L}*|miniature|toy)"
                            + "(?![\\p{L}\\p{N}])");

    /** Words after which an accessory word is what comes with the item, not the item. */
    private static final Pattern WITH = word("med|inkl|inkl\\.|inklusiv|inklusive|samt|with");

    /** "X til Y", "X for Y", "X fra Y": X is made for, or taken from, the item Y. */
    private static final Set<String> FOR_OR_FROM = Set.of("til", "for", "fra", "from");

    /** "til salg" and the like say nothing about what is for sale. */
    private static final Set<String> NOT_AN_ITEM_AFTER =
            Set.of("salg", "sælg", "afhentning", "hurtig", "billig", "sale");

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
        var incomplete = INCOMPLETE.matcher(t);
        if (incomplete.find()) {
            return Optional.of(
                    new Marked(
                            Verdict.BROKEN, "incomplete (\"" + incomplete.group().strip() + "\")"));
        }
        Optional<Marked> accessory = accessory(t, q);
        if (accessory.isPresent()) {
            return accessory;
        }
        var toy = TOY.matcher(t);
        if (toy.find() && !q.contains(toy.group())) {
            return Optional.of(
                    new Marked(Verdict.IRRELEVANT, "a toy version (\"" + toy.group() + "\")"));
        }
        Optional<Marked> compound = compound(t, q);
        return compound.isPresent() ? compound : sibling(t, q);
    }

    /**
     * A Danish compound is the thing its last part names: a "sofabord" is a table, a "cykelhjelm" a
     * helmet. A title that has the query's first word only as the first part of longer words is
     * about something else.
     */
    private static Optional<Marked> compound(String title, String query) {
        List<String> queryTokens = tokens(query);
        if (queryTokens.isEmpty()) {
            return Optional.empty();
        }
        String first = queryTokens.get(0);
        List<String> titleTokens = tokens(title);
        if (titleTokens.contains(first)) {
            return Optional.empty();
        }
        for (String word : titleTokens) {
            if (word.length() > first.length()
                    && word.startsWith(first)
                    && Character.isLetter(word.charAt(first.length()))) {
                return Optional.of(
                        new Marked(
                                Verdict.IRRELEVANT,
                                "a compound naming something else (\"" + word + "\")"));
            }
        }
        return Optional.empty();
    }

    /**
     * An accessory word the query does not ask for, unless it follows "med" (it comes with the
     * item); or a title that names something else "til" or "fra" the searched item.
     */
    private static Optional<Marked> accessory(String title, String query) {
        var accessory = ACCESSORY.matcher(title);
        while (accessory.find()) {
            String found = accessory.group().strip();
            if (!query.contains(found)
                    && !WITH.matcher(title.substring(0, accessory.start())).find()) {
                return Optional.of(
                        new Marked(Verdict.ACCESSORY, "an accessory (\"" + found + "\")"));
            }
        }
        List<String> queryTokens = tokens(query);
        List<String> titleTokens = tokens(title);
        if (queryTokens.isEmpty()) {
            return Optional.empty();
        }
        int item = titleTokens.indexOf(queryTokens.get(0));
        for (int i = 0; i < item; i++) {
            String word = titleTokens.get(i);
            if (queryTokens.contains(word)) {
                return Optional.empty();
            }
            if (i > 0
                    && FOR_OR_FROM.contains(word)
                    && !NOT_AN_ITEM_AFTER.contains(titleTokens.get(i + 1))) {
                return Optional.of(
                        new Marked(
                                Verdict.ACCESSORY,
                                "made for or taken from the item (\""
                                        + String.join(" ", titleTokens.subList(0, i + 1))
                                        + " …\")"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Marked> sibling(String title, String query) {
        List<String> queryTokens = tokens(query);
        List<String> titleTokens = tokens(title);
        if (queryTokens.isEmpty()) {
            return Optional.empty();
        }
        String last = queryTokens.get(queryTokens.size() - 1);
        if (!last.matches(".*\\d.*")) {
            // "MacBook" asks for any MacBook, "MacBook Air" included; "iPhone 13" names a model.
            return Optional.empty();
        }
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
