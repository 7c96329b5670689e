package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Instant NOW = Instant.parse("2025-11-12T13:32:00Z");

    private final ScenarioClock clock = ScenarioClock.fixed(NOW);
    private final Catalogue catalogue = new Catalogue(clock, CatalogueVocabulary.load(), List.of());

    @Test
    void publishedAdsGetGrowingDbaLikeIdsAndTheClocksTime() {
        long first = catalogue.publish(ListingDraft.of("iPhone 13 128GB", 2500));
        clock.advance(Duration.ofMinutes(5));
        long second = catalogue.publish(ListingDraft.of("iPhone 14 128GB", 3300));

        assertThat(second).isGreaterThan(first);
        assertThat(Long.toString(first)).hasSizeBetween(8, 9);
        MarketListing listing = catalogue.get(first).orElseThrow();
        assertThat(listing.publishedAt()).isEqualTo(NOW);
        assertThat(listing.city()).isEqualTo("København Ø");
        assertThat(listing.kind()).isEqualTo(DecoyKind.GENUINE);
        assertThat(catalogue.published())
                .extracting(MarketListing::id)
                .containsExactly(first, second);
    }

    @Test
    void priceChangesAreStampedAndKeptInHistory() {
        long id = catalogue.publish(ListingDraft.of("Hay Mags sofa", 9000));
        clock.advance(Duration.ofHours(1));

        catalogue.changePrice(id, 8000);

        MarketListing listing = catalogue.get(id).orElseThrow();
        assertThat(listing.price()).isEqualTo(8000);
        assertThat(listing.editedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(listing.priceHistory())
                .containsExactly(
                        new PricePoint(9000, NOW),
                        new PricePoint(8000, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void repostKeepsItemAndPhotosUnderANewId() {
        long id =
                catalogue.publish(ListingDraft.of("Lego Star Wars 75192 Millennium Falcon", 5200));
        clock.advance(Duration.ofDays(2));
        catalogue.edit(id, "Lego 75192 Millennium Falcon UCS", "Komplet med kasse.");

        long repost = catalogue.repost(id);
        long repostOfRepost = catalogue.repost(repost);

        MarketListing original = catalogue.get(id).orElseThrow();
        MarketListing copy = catalogue.get(repost).orElseThrow();
        assertThat(copy.title()).isEqualTo("Lego 75192 Millennium Falcon UCS");
        assertThat(copy.imageSeeds()).isEqualTo(original.imageSeeds());
        assertThat(copy.publishedAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(copy.kind()).isEqualTo(DecoyKind.REPOST);
        assertThat(copy.originalId()).isEqualTo(id);
        assertThat(catalogue.get(repostOfRepost).orElseThrow().originalId()).isEqualTo(id);
    }

    @Test
    void removedAdsStayKnownButInactive() {
        long id = catalogue.publish(ListingDraft.of("Kildemoes damecykel", 1500));

        catalogue.remove(id);

        assertThat(catalogue.get(id)).hasValueSatisfying(l -> assertThat(l.active()).isFalse());
        assertThat(catalogue.published()).hasSize(1);
    }

    @Test
    void changesToUnknownAdsAreRefused() {
        assertThatThrownBy(() -> catalogue.changePrice(123, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.remove(123))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscribersHearEveryChange() {
        List<MarketListing> heard = new ArrayList<>();
        catalogue.subscribe(heard::add);

        long id = catalogue.publish(ListingDraft.of("Nintendo Switch Lite", 900));
        catalogue.changePrice(id, 800);
        catalogue.remove(id);

        assertThat(heard).extracting(MarketListing::price).containsExactly(900L, 800L, 800L);
        assertThat(heard.get(2).active()).isFalse();
    }

    @Test
    void waitingAdsGoLiveInOrderAtTheClocksTime() {
        List<MarketListing> generated =
                CatalogueGenerator.generate(CatalogueVocabulary.load(), 1, 10, 0.0, NOW);
        Catalogue waiting = new Catalogue(clock, CatalogueVocabulary.load(), generated);
        assertThat(waiting.published()).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        MarketListing live = waiting.publishNextWaiting().orElseThrow();

        assertThat(live.id()).isEqualTo(generated.get(0).id());
        assertThat(live.publishedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        assertThat(waiting.published()).containsExactly(live);
        assertThat(waiting.waitingCount()).isEqualTo(9);
    }
}
