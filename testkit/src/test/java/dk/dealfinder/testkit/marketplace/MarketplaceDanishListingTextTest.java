package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketplaceDanishListingTextTest {

    @Test
    void pricesUseDotsBetweenThousands() {
        assertThat(DanishListingText.price(0)).isEqualTo("Gives væk");
        assertThat(DanishListingText.price(95)).isEqualTo("95 kr.");
        assertThat(DanishListingText.price(1250)).isEqualTo("1.250 kr.");
        assertThat(DanishListingText.price(125000)).isEqualTo("125.000 kr.");
        assertThat(DanishListingText.price(1250000)).isEqualTo("1.250.000 kr.");
    }

    @Test
    void datesAreRelativeInDanishTime() {
        Instant now = Instant.parse("2025-11-12T13:32:00Z");

        assertThat(DanishListingText.publishedAgo(Instant.parse("2025-11-12T00:10:00Z"), now))
                .isEqualTo("i dag 01:10");
        assertThat(DanishListingText.publishedAgo(Instant.parse("2025-11-11T23:30:00Z"), now))
                .isEqualTo("i dag 00:30");
        assertThat(DanishListingText.publishedAgo(Instant.parse("2025-11-11T08:10:00Z"), now))
                .isEqualTo("i går 09:10");
        assertThat(DanishListingText.publishedAgo(Instant.parse("2025-05-03T08:10:00Z"), now))
                .isEqualTo("3. maj");
    }
}
