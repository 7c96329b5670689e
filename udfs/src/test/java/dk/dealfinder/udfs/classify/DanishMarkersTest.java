package dk.dealfinder.udfs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DanishMarkersTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "iPhone 13 købes|WANTED_AD",
                "Købes: Lego Technic 42100|WANTED_AD",
                "iPhone 13 byttes med Samsung|SWAP",
                "iPhone 13 defekt skærm|BROKEN",
                "iPhone 13 til reservedele|BROKEN",
                "Cover til iPhone 13|ACCESSORY",
                "Oplader til iPhone 13|ACCESSORY",
                "Lego 42100 kun kassen|ACCESSORY",
                "iPhone 13 Pro 128GB|IRRELEVANT",
                "iPhone 13 mini|IRRELEVANT",
                "iPhone 13 mangler batteri|BROKEN",
                "Lego Technic 42100 - ikke komplet, mangler klodser|BROKEN",
                "Kamera modul til iPhone 13|ACCESSORY",
                "Bundkort fra iPhone 13|ACCESSORY",
                "LED lyssæt til Lego Technic 42100|ACCESSORY",
                "IKEA Söderhamn sofa til restaurering|BROKEN",
                "Legetøjstelefon som iPhone 13|IRRELEVANT",
                "Dukkehusmøbel Lego Technic 42100 i miniature|IRRELEVANT",
            })
    void marksTheDecoys(String title, Verdict expected) {
        String terms = title.toLowerCase().contains("lego") ? "Lego Technic 42100" : "iPhone 13";
        assertThat(DanishMarkers.judge(title, "", terms))
                .get()
                .extracting(DanishMarkers.Marked::verdict)
                .isEqualTo(expected);
    }

    @Test
    void brokenInTheDescriptionCounts() {
        assertThat(
                        DanishMarkers.judge(
                                "iPhone 13 128GB", "Tænder ikke, sælges som den er", "iPhone 13"))
                .get()
                .extracting(DanishMarkers.Marked::verdict)
                .isEqualTo(Verdict.BROKEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "iPhone 13 128GB sort",
                "iPhone 13 - skal væk hurtigt",
                "Flot iPhone 13, som ny",
                "iPhone 13 med kvittering og æske",
                "iPhone 13 i original emballage",
                "iPhone 13 med cover og oplader",
                "iPhone 13 til salg",
                "Til salg: iPhone 13",
                "iPhone 13 fra 2022, mangler intet"
            })
    void genuineListingsCarryNoMarker(String title) {
        assertThat(DanishMarkers.judge(title, "Sælges da jeg har fået ny", "iPhone 13")).isEmpty();
    }

    @Test
    void aCompoundIsWhatItsLastPartNames() {
        assertThat(DanishMarkers.judge("Sofabord i eg", "", "sofa"))
                .get()
                .extracting(DanishMarkers.Marked::verdict)
                .isEqualTo(Verdict.IRRELEVANT);
        assertThat(DanishMarkers.judge("Sovesofa, 3 pers.", "", "sofa"))
                .as("the query's word as the last part is no marker; the model decides")
                .isEmpty();
        assertThat(DanishMarkers.judge("Sofa og sofabord", "", "sofa")).isEmpty();
        assertThat(DanishMarkers.judge("iPhone13 128GB", "", "iPhone")).isEmpty();
    }

    @Test
    void aQueryWithoutAModelNumberHasNoSiblings() {
        assertThat(DanishMarkers.judge("MacBook Air M1 8GB", "", "MacBook")).isEmpty();
        assertThat(DanishMarkers.judge("PlayStation 5 Pro", "", "PlayStation 5"))
                .get()
                .extracting(DanishMarkers.Marked::verdict)
                .isEqualTo(Verdict.IRRELEVANT);
    }

    @Test
    void aQualifierTheQueryAsksForIsNoSibling() {
        assertThat(DanishMarkers.judge("iPhone 13 Pro 128GB", "", "iPhone 13 Pro")).isEmpty();
        assertThat(DanishMarkers.judge("Etui til iPhone", "", "iPhone etui")).isEmpty();
    }
}
