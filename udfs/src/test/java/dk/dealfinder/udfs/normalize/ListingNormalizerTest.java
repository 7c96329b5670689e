package dk.dealfinder.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingSignal;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SellerType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ListingNormalizerTest {

    private static final long FETCHED = Instant.parse("2026-11-21T14:00:00Z").toEpochMilli();

    private static RawListing raw(String title, String price, String published) {
        return new RawListing(
                "dba.dk",
                "123",
                "https://www.dba.dk/recommerce/forsale/item/123",
                title,
                "Som ny",
                price,
                "",
                "2100 København Ø",
                published,
                List.of("https://img/1.jpg"),
                "Til salg",
                FETCHED);
    }

    @Test
    void interpretsDanishPriceDateAndPostcode() {
        Listing l =
                new ListingNormalizer(Map.of("dba.dk", "DKK"))
                        .normalize(raw("iPhone 13 128GB", "1.250 kr.", "i dag 14:32"));

        assertThat(l.listingKey()).isEqualTo("dba.dk:123");
        assertThat(l.price()).isEqualTo(1250L);
        assertThat(l.currency()).isEqualTo("DKK");
        assertThat(l.postcode()).isEqualTo("2100");
        assertThat(Instant.ofEpochMilli(l.publishedAt()))
                .isEqualTo(Instant.parse("2026-11-21T13:32:00Z"));
        assertThat(l.sellerType()).as("the search result did not say").isNull();
        assertThat(l.category()).isNull();
    }

    @Test
    void carriesSellerTypeAndCategoryAndTreatsABlankCategoryAsUnknown() {
        RawListing r = raw("Sofa", "500", "i dag 10:00");
        RawListing dealer = withSellerAndCategory(r, SellerType.DEALER, " Sofaer ");
        RawListing blank = withSellerAndCategory(r, SellerType.PRIVATE, " ");
        ListingNormalizer normalizer = new ListingNormalizer(Map.of("dba.dk", "DKK"));

        assertThat(normalizer.normalize(dealer).sellerType()).isEqualTo(SellerType.DEALER);
        assertThat(normalizer.normalize(dealer).category()).isEqualTo("Sofaer");
        assertThat(normalizer.normalize(blank).sellerType()).isEqualTo(SellerType.PRIVATE);
        assertThat(normalizer.normalize(blank).category()).isNull();
    }

    private static RawListing withSellerAndCategory(
            RawListing r, SellerType seller, String category) {
        return withItemPage(r, seller, category, null, null, null);
    }

    @Test
    void carriesConditionAndCoordinatesAndDropsImpossibleCoordinates() {
        RawListing r = raw("Sofa", "500", "i dag 10:00");
        ListingNormalizer normalizer = new ListingNormalizer(Map.of("dba.dk", "DKK"));

        Listing placed = normalizer.normalize(withItemFacts(r, " Brugt - god stand ", 55.7, 12.57));
        Listing offMap = normalizer.normalize(withItemFacts(r, "", 155.7, 12.57));

        assertThat(placed.condition()).isEqualTo("Brugt - god stand");
        assertThat(placed.latitude()).isEqualTo(55.7);
        assertThat(placed.longitude()).isEqualTo(12.57);
        assertThat(placed.hasCoordinates()).isTrue();
        assertThat(offMap.condition()).as("blank is unknown").isNull();
        assertThat(offMap.latitude()).as("no latitude is over 90 degrees").isNull();
        assertThat(offMap.hasCoordinates()).isFalse();
    }

    private static RawListing withItemFacts(
            RawListing r, String condition, double latitude, double longitude) {
        return withItemPage(r, null, null, condition, latitude, longitude);
    }

    /** {@code r} with what an item page adds. */
    private static RawListing withItemPage(
            RawListing r,
            SellerType seller,
            String category,
            String condition,
            Double latitude,
            Double longitude) {
        return new RawListing(
                r.site(),
                r.adId(),
                r.url(),
                r.title(),
                r.description(),
                r.priceText(),
                r.currency(),
                r.location(),
                r.publishedText(),
                r.imageUrls(),
                r.tradeType(),
                r.fetchedAt(),
                seller,
                category,
                condition,
                latitude,
                longitude,
                null);
    }

    @Test
    void theSitesWordThatAnAdIsGoneBecomesAGoneSignal() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new ListingNormalizer(Map.of("dba.dk", "DKK"))))) {
            harness.open();
            harness.processElement(
                    new StreamRecord<>(
                            RawListing.gone(
                                    "dba.dk", "123", "https://x/123", "inactive", FETCHED)));
            harness.processElement(
                    new StreamRecord<>(RawListing.gone("dba.dk", " ", null, "404", FETCHED)));

            assertThat(harness.extractOutputValues())
                    .containsExactly(ListingSignal.gone("dba.dk:123", "inactive", FETCHED));
            assertThat(harness.getSideOutput(ListingNormalizer.DEAD_LETTERS))
                    .extracting(r -> ((StreamRecord<DeadLetter>) r).getValue().reason())
                    .containsExactly("missing ad id");
        }
    }

    @Test
    void badInputGoesToDeadLettersAndTheGoodKeepsFlowing() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new ListingNormalizer(Map.of("dba.dk", "DKK"))))) {
            harness.open();
            harness.processElement(new StreamRecord<>(raw("Cykel", "billig!", "i dag 10:00")));
            harness.processElement(new StreamRecord<>(raw(" ", "100", "i dag 10:00")));
            harness.processElement(new StreamRecord<>(raw("Sofa", "Gives væk", "i morgen")));
            harness.processElement(new StreamRecord<>(raw("Sofa", "Gives væk", "1763733120000")));

            assertThat(harness.extractOutputValues())
                    .singleElement()
                    .satisfies(signal -> assertThat(signal.listing().price()).isZero());
            assertThat(harness.getSideOutput(ListingNormalizer.DEAD_LETTERS))
                    .extracting(r -> ((StreamRecord<DeadLetter>) r).getValue().reason())
                    .containsExactly(
                            "not a price: 'billig!'", "missing title", "not a date: 'i morgen'");
        }
    }
}
