package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.listings.ListingDetail.PricePoint;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PriceChartTest {

    private static final long T0 = Instant.parse("2026-11-21T13:05:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    @Test
    void threePricesBecomeAFallingLineWithALabelledDotEach() {
        String svg =
                PriceChart.render(
                        List.of(
                                new PricePoint(1, 2000L, "NEW", T0),
                                new PricePoint(2, 1500L, "PRICE_DROP", T0 + DAY),
                                new PricePoint(3, 1250L, "PRICE_DROP", T0 + 2 * DAY)),
                        "DKK");

        String[] points =
                Pattern.compile("points=\"([^\"]+)\"")
                        .matcher(svg)
                        .results()
                        .findFirst()
                        .orElseThrow()
                        .group(1)
                        .split(" ");
        assertThat(points).hasSize(3);
        double[] ys = new double[3];
        for (int i = 0; i < 3; i++) {
            ys[i] = Double.parseDouble(points[i].split(",")[1]);
        }
        assertThat(ys[0]).as("highest price drawn highest").isLessThan(ys[1]);
        assertThat(ys[1]).isLessThan(ys[2]);
        assertThat(svg)
                .contains("<title>2.000 kr. (21. nov. 2026 14:05)</title>")
                .contains("<title>1.250 kr. (23. nov. 2026 14:05)</title>")
                .contains("aria-label=\"Prisudvikling: 2.000 kr. (21. nov. 2026 14:05), ");
    }

    @Test
    void versionsWithoutAPriceAreLeftOutAndNoPriceAtAllSaysSo() {
        String one =
                PriceChart.render(
                        List.of(
                                new PricePoint(1, null, "NEW", T0),
                                new PricePoint(2, 900L, "UPDATED", T0 + DAY)),
                        "DKK");
        assertThat(Pattern.compile("<circle").matcher(one).results().count()).isEqualTo(1);

        assertThat(PriceChart.render(List.of(new PricePoint(1, null, "NEW", T0)), "DKK"))
                .doesNotContain("<svg")
                .contains("Ingen prishistorik");
    }
}
