package dk.dealfinder.udfs.change;

import static dk.dealfinder.udfs.Listings.edited;
import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.priced;
import static dk.dealfinder.udfs.Listings.withImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.ListingSignal;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private static final Listing PHONE = listing("1", "iPhone 13", 2000L);

    private static KeyedOneInputStreamOperatorTestHarness<String, ListingSignal, ListingChange>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ChangeDetector(Duration.ofDays(30))),
                ListingSignal::listingKey,
                Types.STRING);
    }

    private static void seen(
            KeyedOneInputStreamOperatorTestHarness<String, ListingSignal, ListingChange> h,
            Listing l)
            throws Exception {
        h.processElement(ListingSignal.seen(l), l.fetchedAt());
    }

    @Test
    void emitsANewListingOnceAsVersionOneAndDropsRescrapes() throws Exception {
        try (var h = harness()) {
            h.open();
            seen(h, PHONE);
            seen(h, fetchedAt(PHONE, 3_000));
            seen(h, listing("2", "Lego 42100", 900L));

            assertThat(h.extractOutputValues())
                    .extracting(
                            c -> c.listing().listingKey(),
                            c -> c.listing().version(),
                            c -> c.kind())
                    .containsExactly(
                            tuple("dba.dk:1", 1, ChangeKind.NEW),
                            tuple("dba.dk:2", 1, ChangeKind.NEW));
        }
    }

    @Test
    void eachRealChangeIsANewVersionOfItsKind() throws Exception {
        try (var h = harness()) {
            h.open();
            seen(h, PHONE);
            seen(h, fetchedAt(priced(PHONE, 1500L), 3_000));
            seen(h, fetchedAt(priced(PHONE, 1600L), 4_000));
            seen(h, fetchedAt(edited(priced(PHONE, 1600L), "iPhone 13 128GB", "Som ny"), 5_000));
            seen(
                    h,
                    fetchedAt(
                            withImages(
                                    edited(priced(PHONE, 1600L), "iPhone 13 128GB", "Som ny"),
                                    "a.jpg"),
                            6_000));

            assertThat(h.extractOutputValues())
                    .extracting(
                            c -> c.listing().version(),
                            ListingChange::kind,
                            ListingChange::previousPrice)
                    .containsExactly(
                            tuple(1, ChangeKind.NEW, null),
                            tuple(2, ChangeKind.PRICE_DROP, 2000L),
                            tuple(3, ChangeKind.PRICE_RISE, 1500L),
                            tuple(4, ChangeKind.UPDATED, 1600L),
                            tuple(5, ChangeKind.UPDATED, 1600L));
        }
    }

    @Test
    void aPriceDropCarriesItsAbsoluteAndRelativeSize() throws Exception {
        try (var h = harness()) {
            h.open();
            seen(h, PHONE);
            seen(h, fetchedAt(priced(PHONE, 1500L), 3_000));

            ListingChange drop = h.extractOutputValues().get(1);
            assertThat(drop.priceDrop()).isEqualTo(500);
            assertThat(drop.priceDropPercent()).isEqualTo(25.0);
            assertThat(drop.pricePoint().price()).isEqualTo(1500L);
            assertThat(drop.pricePoint().version()).isEqualTo(2);
            assertThat(drop.detectedAt()).isEqualTo(3_000);
        }
    }

    @Test
    void aSearchResultWithoutDescriptionOrImagesIsNotAnEdit() throws Exception {
        Listing full = withImages(edited(PHONE, "iPhone 13", "Kvittering haves"), "a.jpg");
        try (var h = harness()) {
            h.open();
            seen(h, full);
            seen(h, fetchedAt(PHONE, 3_000));
            seen(h, fetchedAt(priced(PHONE, 1800L), 4_000));

            assertThat(h.extractOutputValues())
                    .extracting(ListingChange::kind)
                    .containsExactly(ChangeKind.NEW, ChangeKind.PRICE_DROP);
            Listing dropped = h.extractOutputValues().get(1).listing();
            assertThat(dropped.description()).isEqualTo("Kvittering haves");
            assertThat(dropped.imageUrls()).containsExactly("a.jpg");
        }
    }

    @Test
    void conditionAndCoordinatesFromAnItemPageOutliveALaterSearchResult() throws Exception {
        Listing fromItemPage =
                new Listing(
                        PHONE.listingKey(),
                        PHONE.site(),
                        PHONE.adId(),
                        PHONE.url(),
                        PHONE.title(),
                        "Kvittering haves",
                        PHONE.price(),
                        PHONE.currency(),
                        PHONE.location(),
                        PHONE.postcode(),
                        PHONE.imageUrls(),
                        PHONE.publishedAt(),
                        PHONE.fetchedAt(),
                        0,
                        null,
                        "Mobiltelefoner",
                        "Brugt - god stand",
                        55.7,
                        12.57);
        try (var h = harness()) {
            h.open();
            seen(h, fromItemPage);
            seen(h, fetchedAt(priced(PHONE, 1800L), 4_000));

            Listing dropped = h.extractOutputValues().get(1).listing();
            assertThat(dropped.condition()).isEqualTo("Brugt - god stand");
            assertThat(dropped.latitude()).isEqualTo(55.7);
            assertThat(dropped.longitude()).isEqualTo(12.57);
            assertThat(dropped.category()).isEqualTo("Mobiltelefoner");
        }
    }

    @Test
    void removalAndRelistAreChangesAndRepeatedGoneSignalsAreNot() throws Exception {
        try (var h = harness()) {
            h.open();
            seen(h, PHONE);
            h.processElement(ListingSignal.gone("dba.dk:1", "inactive", 3_000), 3_000);
            h.processElement(ListingSignal.gone("dba.dk:1", "404", 4_000), 4_000);
            h.processElement(ListingSignal.gone("dba.dk:9", "404", 4_000), 4_000);
            seen(h, fetchedAt(PHONE, 5_000));

            assertThat(h.extractOutputValues())
                    .extracting(c -> c.listing().version(), ListingChange::kind)
                    .containsExactly(
                            tuple(1, ChangeKind.NEW),
                            tuple(2, ChangeKind.REMOVED),
                            tuple(3, ChangeKind.RELISTED));
        }
    }

    @Test
    void anObservationOlderThanTheLastOneIsIgnored() throws Exception {
        try (var h = harness()) {
            h.open();
            seen(h, fetchedAt(PHONE, 5_000));
            seen(h, fetchedAt(priced(PHONE, 1000L), 4_000));

            assertThat(h.extractOutputValues())
                    .extracting(ListingChange::kind)
                    .containsExactly(ChangeKind.NEW);
        }
    }

    @Test
    void aListingUnseenLongerThanTheTtlIsNewAgain() throws Exception {
        try (var h = harness()) {
            h.open();
            h.setStateTtlProcessingTime(0);
            seen(h, PHONE);
            h.setStateTtlProcessingTime(Duration.ofDays(31).toMillis());
            seen(h, fetchedAt(PHONE, 3_000));

            assertThat(h.extractOutputValues())
                    .extracting(c -> c.listing().version(), ListingChange::kind)
                    .containsExactly(tuple(1, ChangeKind.NEW), tuple(1, ChangeKind.NEW));
        }
    }

    @Test
    void remembersListingsAcrossARestoreFromSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            seen(h, PHONE);
            snapshot = h.snapshot(1, 100);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            seen(restored, fetchedAt(PHONE, 3_000));
            seen(restored, fetchedAt(priced(PHONE, 1500L), 4_000));

            assertThat(restored.extractOutputValues())
                    .extracting(c -> c.listing().version(), ListingChange::kind)
                    .containsExactly(tuple(2, ChangeKind.PRICE_DROP));
        }
    }
}
