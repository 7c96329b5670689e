package dk.dealfinder.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DanishPostcodeCentresTest {

    /** Straight-line distances between the towns' true centres, within the table's ±15 km. */
    @ParameterizedTest
    @CsvSource({
        "1000, 8000, 157", // København K - Aarhus C
        "2100, 9000, 223", // København Ø - Aalborg
        "1000, 6700, 254", // København K - Esbjerg
        "8000, 9000, 100", // Aarhus - Aalborg
        "5000, 7100, 75", // Odense - Vejle
        "1000, 3700, 152", // København K - Rønne (Bornholm)
        "1000, 4000, 32", // København K - Roskilde
        "6400, 6270, 60", // Sønderborg - Tønder
    })
    void knownDistancesComeOutRight(String from, String to, double km) {
        assertThat(DanishPostcodeCentres.distanceKm(from, to)).hasValueCloseTo(km, within(15.0));
        assertThat(DanishPostcodeCentres.distanceKm(to, from)).hasValueCloseTo(km, within(15.0));
    }

    @Test
    void aPostcodeIsNoDistanceFromItself() {
        assertThat(DanishPostcodeCentres.distanceKm("8000", "8000")).hasValue(0.0);
    }

    @Test
    void neighbouringDistrictsAreClose() {
        assertThat(DanishPostcodeCentres.distanceKm("2100", "2200").getAsDouble()).isLessThan(5);
        assertThat(DanishPostcodeCentres.distanceKm("8000", "8200").getAsDouble()).isLessThan(5);
    }

    @Test
    void anUnlistedPostcodeTakesTheNearestLowerListedArea() {
        // 8100 is Aarhus C's post-box number; 4296 lies beside Stenlille (4295).
        assertThat(DanishPostcodeCentres.centre("8100").orElseThrow().name()).isEqualTo("Aarhus C");
        assertThat(DanishPostcodeCentres.centre("4296").orElseThrow().name())
                .isEqualTo("Stenlille");
        assertThat(DanishPostcodeCentres.centre(" 2100 ").orElseThrow().name())
                .isEqualTo("København Ø");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0800", "3900", "3800", "999", "12345", "abcd", "21OO"})
    void whatCannotBePlacedIsUnknown(String postcode) {
        assertThat(DanishPostcodeCentres.knows(postcode)).isFalse();
        assertThat(DanishPostcodeCentres.centre(postcode)).isEmpty();
        assertThat(DanishPostcodeCentres.distanceKm(postcode, "8000")).isEmpty();
        assertThat(DanishPostcodeCentres.distanceKm("8000", postcode)).isEmpty();
    }

    @Test
    void everyPlacedPostcodeLiesInDenmark() {
        IntStream.rangeClosed(1000, 9999)
                .mapToObj(Integer::toString)
                .map(DanishPostcodeCentres::centre)
                .flatMap(java.util.Optional::stream)
                .forEach(
                        c -> {
                            assertThat(c.latitude()).as(c.name()).isBetween(54.5, 57.8);
                            assertThat(c.longitude()).as(c.name()).isBetween(8.0, 15.2);
                        });
        assertThat(DanishPostcodeCentres.knows("1000")).isTrue();
        assertThat(DanishPostcodeCentres.knows("9990")).isTrue();
    }
}
