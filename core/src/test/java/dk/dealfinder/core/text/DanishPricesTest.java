package dk.dealfinder.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DanishPricesTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.250 kr.|1250",
                "1.250 kr|1250",
                "kr. 1.250|1250",
                "1.250,-|1250",
                "1.250,- kr.|1250",
                "12.500 kr.|12500",
                "1.250.000 kr.|1250000",
                "1.250,50 kr.|1251",
                "1250|1250",
                "1250.0|1250",
                "450 DKK|450",
                "  899 kr. |899",
                "Gives væk|0",
                "GIVES VÆK|0",
                "Gratis|0",
                "0 kr.|0",
            })
    void readsDbaPriceFormats(String text, long expected) {
        assertThat(DanishPrices.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Byd", "Se pris", "Byttes", "-"})
    void textsThatStateNoPriceAreNull(String text) {
        assertThat(DanishPrices.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"billig!", "1.2.3", "<script>alert(1)</script>", "kr. abc"})
    void garbageIsAClearError(String text) {
        assertThatThrownBy(() -> DanishPrices.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a price: '");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1250|1.250 kr.", "0|Gives væk", "1250000|1.250.000 kr."})
    void formatsTheDanishWay(long amount, String expected) {
        assertThat(DanishPrices.format(amount)).isEqualTo(expected);
    }
}
