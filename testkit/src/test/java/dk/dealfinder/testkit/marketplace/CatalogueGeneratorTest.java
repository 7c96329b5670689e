package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-11-12T13:32:00Z");
    private static final CatalogueVocabulary VOCABULARY = CatalogueVocabulary.load();

    private static List<MarketListing> generate(long seed, int size, double preloaded) {
        return CatalogueGenerator.generate(VOCABULARY, seed, size, preloaded, NOW);
    }

    @Test
    void sameSeedGivesAnIdenticalCatalogue() {
        String first = describe(generate(42, 600, 0.5));
        String second = describe(generate(42, 600, 0.5));
        String other = describe(generate(43, 600, 0.5));

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
        assertThat(generate(42, 600, 0.5)).isEqualTo(generate(42, 600, 0.5));
    }

    /** Every field of every listing as text, so "identical" means byte for byte. */
    private static String describe(List<MarketListing> listings) {
        return listings.stream().map(MarketListing::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void defaultCatalogueIsLargeWithUniqueDbaLikeIdsInPublicationOrder() {
        List<MarketListing> listings = generate(42, 600, 0.5);

        assertThat(listings).hasSizeGreaterThanOrEqualTo(500);
        List<Long> ids = listings.stream().map(MarketListing::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(ids).allSatisfy(id -> assertThat(Long.toString(id)).hasSizeBetween(8, 9));
    }

    @Test
    void aboutThirtyPercentAreDecoysAndEveryKindIsPresent() {
        List<MarketListing> listings = generate(42, 600, 0.5);
        Map<DecoyKind, Long> byKind =
                listings.stream()
                        .collect(
                                Collectors.groupingBy(
                                        MarketListing::kind,
                                        () -> new EnumMap<>(DecoyKind.class),
                                        Collectors.counting()));

        assertThat(byKind.keySet()).containsExactlyInAnyOrder(DecoyKind.values());
        double decoyShare = 1.0 - byKind.get(DecoyKind.GENUINE) / (double) listings.size();
        assertThat(decoyShare).isBetween(0.22, 0.38);
    }

    @Test
    void evenASmallCatalogueHoldsEveryDecoyKind() {
        assertThat(generate(7, 30, 1.0).stream().map(MarketListing::kind).distinct())
                .containsExactlyInAnyOrder(DecoyKind.values());
    }

    @Test
    void decoysCarryTheirDanishMarkers() {
        List<MarketListing> listings = generate(42, 600, 0.5);

        assertThat(ofKind(listings, DecoyKind.WANTED))
                .allSatisfy(l -> assertThat(l.tradeType()).isEqualTo("Købes"));
        assertThat(ofKind(listings, DecoyKind.SWAP))
                .allSatisfy(l -> assertThat(l.tradeType()).isEqualTo("Byttes"));
        assertThat(ofKind(listings, DecoyKind.BROKEN))
                .allSatisfy(l -> assertThat(l.condition()).isEqualTo("Defekt"));
        assertThat(listings)
                .extracting(MarketListing::title)
                .anyMatch(t -> t.startsWith("Cover til iPhone"))
                .anyMatch(t -> t.contains("kun kassen"))
                .anyMatch(t -> t.contains("købes"))
                .anyMatch(t -> t.contains("Dukkevogn"))
                .anyMatch(t -> t.contains("Lego minifigur fra"));
    }

    @Test
    void repostsCopyAnEarlierAdWithItsPhotos() {
        List<MarketListing> listings = generate(42, 600, 0.5);
        Map<Long, MarketListing> byId =
                listings.stream().collect(Collectors.toMap(MarketListing::id, Function.identity()));

        assertThat(ofKind(listings, DecoyKind.REPOST))
                .isNotEmpty()
                .allSatisfy(
                        repost -> {
                            MarketListing original = byId.get(repost.originalId());
                            assertThat(original.kind()).isEqualTo(DecoyKind.GENUINE);
                            assertThat(repost.title()).isEqualTo(original.title());
                            assertThat(repost.description()).isEqualTo(original.description());
                            assertThat(repost.imageSeeds()).isEqualTo(original.imageSeeds());
                            assertThat(repost.id()).isGreaterThan(original.id());
                            assertThat(repost.publishedAt())
                                    .isAfterOrEqualTo(original.publishedAt());
                        });
    }

    @Test
    void preloadedShareIsLiveOverRecentDaysAndTheRestWaits() {
        List<MarketListing> listings = generate(42, 600, 0.5);

        List<MarketListing> live = listings.stream().filter(l -> l.isPublishedBy(NOW)).toList();
        assertThat(live).hasSize(300);
        assertThat(live)
                .allSatisfy(
                        l ->
                                assertThat(l.publishedAt())
                                        .isBetween(NOW.minusSeconds(3 * 86400), NOW));
        assertThat(listings.subList(300, 600))
                .allSatisfy(
                        l ->
                                assertThat(l.publishedAt())
                                        .isEqualTo(MarketListing.NOT_YET_PUBLISHED));
    }

    @Test
    void listingsLookDanishAndRealistic() {
        List<MarketListing> listings = generate(42, 600, 0.5);

        assertThat(listings)
                .allSatisfy(
                        l -> {
                            assertThat(l.postcode()).matches("\\d{4}");
                            assertThat(l.price()).isNotNegative().isLessThan(50_000);
                            assertThat(l.description()).isNotBlank();
                            assertThat(l.imageSeeds()).isNotEmpty();
                        });
        assertThat(listings)
                .extracting(MarketListing::city)
                .contains("København Ø", "Aarhus C", "Odense C", "Aalborg", "Roskilde");
        assertThat(listings)
                .extracting(MarketListing::description)
                .anyMatch(d -> d.matches(".*[æøå].*"));
        assertThat(listings)
                .extracting(MarketListing::category)
                .contains(
                        "Mobiltelefoner",
                        "Legetøj",
                        "Cykler",
                        "Møbler",
                        "Elektronik",
                        "Baby og børn");
    }

    @Test
    void hostileTitlesAreIncludedToTestEscaping() {
        assertThat(generate(42, 600, 0.5))
                .extracting(MarketListing::title)
                .contains("iPhone 13 128GB <script>alert(1)</script>")
                .anyMatch(t -> t.contains("\"") && t.contains("&"));
    }

    private static List<MarketListing> ofKind(List<MarketListing> listings, DecoyKind kind) {
        return listings.stream().filter(l -> l.kind() == kind).toList();
    }
}
