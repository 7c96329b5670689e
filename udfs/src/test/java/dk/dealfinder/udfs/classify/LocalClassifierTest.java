package dk.dealfinder.udfs.classify;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local provider with the real in-process model. */
class LocalClassifierTest {

    private static final SavedQuery PHONE = query("phone", "iPhone 13", 4000L, List.of());

    private final LocalClassifier local =
            new LocalClassifier(TextEmbedder.shared(), new LocalSettings(0.55, 3, 3, 10));

    private static QueryMatch phone(String title) {
        return new QueryMatch(listing(title.replaceAll("\\W", ""), title, 2000L), PHONE);
    }

    @Test
    void judgesABatchWithMarkersSimilarityAndAttributes() {
        Listing described =
                new Listing(
                        "dba.dk:7",
                        "dba.dk",
                        "7",
                        "u",
                        "iPhone 13 128GB",
                        "Som ny, str. 6.1 tommer",
                        2500L,
                        "DKK",
                        "",
                        null,
                        List.of(),
                        1,
                        2,
                        1);
        List<Judgement> out =
                local.classifyAll(
                        List.of(
                                new QueryMatch(described, PHONE),
                                phone("iPhone 13 defekt skærm"),
                                phone("Sofabord i massiv eg")));

        assertThat(out)
                .extracting(Judgement::verdict)
                .containsExactly(Verdict.RELEVANT, Verdict.BROKEN, Verdict.IRRELEVANT);
        assertThat(out)
                .extracting(Judgement::provider)
                .containsExactly(Provider.LOCAL, Provider.RULES, Provider.LOCAL);
        assertThat(out.get(0).attributes().storage()).isEqualTo("128GB");
        assertThat(out.get(0).attributes().condition()).isEqualTo("som ny");
        assertThat(out).allSatisfy(j -> assertThat(j.costUsd()).isZero());
    }

    @Test
    void confidenceIsLowestNearTheThreshold() {
        List<Judgement> out =
                local.classifyAll(List.of(phone("iPhone 13 sort"), phone("Sofabord i massiv eg")));
        for (Judgement j : out) {
            double distance = Math.abs(j.similarity() - 0.55);
            assertThat(j.confidence())
                    .isCloseTo(
                            Math.min(0.99, 0.5 + distance / 0.3 * 0.5),
                            org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void englishPrototypesCatchWhatTheDanishMarkersDoNotList() {
        Judgement j = local.classifyAll(List.of(phone("Looking to buy, wanted"))).get(0);
        assertThat(j.verdict()).isEqualTo(Verdict.WANTED_AD);
        assertThat(j.reason()).contains("reads like wanted ad");
    }

    @Test
    void labelledNeighboursOverruleTheZeroShotVerdictOnceThereAreEnough() {
        QueryMatch probe = phone("Silikone skal iPhone 13 grøn");
        assertThat(local.classifyAll(List.of(probe)).get(0).verdict())
                .isNotEqualTo(Verdict.ACCESSORY);

        for (String colour : List.of("sort", "blå", "rød")) {
            local.learn(phone("Silikone skal iPhone 13 " + colour), Verdict.ACCESSORY);
        }

        Judgement after = local.classifyAll(List.of(probe)).get(0);
        assertThat(after.verdict()).isEqualTo(Verdict.ACCESSORY);
        assertThat(after.reason()).contains("3 labelled neighbours say ACCESSORY");
        assertThat(local.examplesOf(PHONE.id())).isEqualTo(3);
    }

    @Test
    void labelledNeighboursUnlikeTheListingDoNotOverruleTheZeroShotVerdict() {
        for (String colour : List.of("sort", "blå", "rød")) {
            local.learn(phone("iPhone 13 128GB " + colour), Verdict.RELEVANT);
        }

        Judgement sofa = local.classifyAll(List.of(phone("Sofabord i massiv eg"))).get(0);

        assertThat(sofa.verdict()).isEqualTo(Verdict.IRRELEVANT);
        assertThat(sofa.reason()).contains("3 labelled neighbours say RELEVANT");
    }
}
