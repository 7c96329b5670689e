package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.model.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Short descriptions of each non-relevant verdict, in Danish and in English, for zero-shot
 * classification: a listing title closer to a verdict's descriptions than to the query gets that
 * verdict. They catch phrasings the Danish markers do not list (and English listings). The query
 * itself is put in the titles of {@link #QUERY_TEMPLATES}.
 */
final class VerdictPrototypes {

    static final Map<Verdict, List<String>> SENTENCES =
            Map.of(
                    Verdict.ACCESSORY,
                    List.of(
                            "tilbehør: cover, etui, oplader, kabel, beskyttelsesglas",
                            "kun æsken eller emballagen",
                            "accessory: case, cover, charger, cable, screen protector",
                            "empty box or packaging only"),
                    Verdict.BROKEN,
                    List.of(
                            "defekt, virker ikke, sælges til reservedele",
                            "knækket skærm, tænder ikke",
                            "broken, not working, sold for spare parts",
                            "cracked screen, does not turn on"),
                    Verdict.WANTED_AD,
                    List.of("købes, søger at købe", "wanted, looking to buy"),
                    Verdict.SWAP,
                    List.of("byttes med noget andet", "swap or trade for something else"));

    /**
     * How Danish ads for the searched item are titled: the query is embedded in each and the
     * vectors averaged (prompt ensembling, as CLIP's "a photo of a {}"), so a title is compared
     * with what an ad for the item reads like rather than with one or two bare words.
     */
    static final List<String> QUERY_TEMPLATES =
            List.of("{}", "{} sælges", "{} til salg", "Flot {}", "Brugt {}", "{} som ny");

    private VerdictPrototypes() {}
}
