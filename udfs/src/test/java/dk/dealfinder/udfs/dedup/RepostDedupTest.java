package dk.dealfinder.udfs.dedup;

import static dk.dealfinder.udfs.Listings.fetchedAt;
import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.priced;
import static dk.dealfinder.udfs.Listings.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.RepostLink;
import dk.dealfinder.udfs.rank.AlertPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The banded near-duplicate search and the resolver, run band by band as keyBy would. */
class RepostDedupTest {

    private static final long HASH = 0x0f0f_3c3c_a5a5_7777L;
    private static final HashBands BANDS = new HashBands(3);
    private static final RepostBands FAN_OUT = new RepostBands(BANDS);
    private static final Duration WINDOW = Duration.ofDays(7);

    private static KeyedOneInputStreamOperatorTestHarness<String, BandedListing, BandVerdict>
            candidates() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RepostCandidates(3, WINDOW)),
                BandedListing::bandKey,
                Types.STRING);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, BandVerdict, ListingChange>
            resolver() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new RepostResolver(
                                FAN_OUT, new AlertPolicy(5, 500, Duration.ofDays(30).toMillis()))),
                v -> v.fingerprinted().listing().listingKey(),
                Types.STRING);
    }

    private static FingerprintedListing photo(String adId, long hash, long at) {
        return photo(adId, hash, at, 3000L);
    }

    private static FingerprintedListing photo(String adId, long hash, long at, Long price) {
        return new FingerprintedListing(
                fetchedAt(listing(adId, "Racercykel", price), at), hash, true);
    }

    /** Sends each listing through fan-out, band search and resolver; returns the new ones. */
    private static List<String> run(List<RepostLink> links, FingerprintedListing... listings)
            throws Exception {
        return changes(links, listings).stream().map(c -> c.listing().listingKey()).toList();
    }

    /** Sends each listing through fan-out, band search and resolver; returns what goes on. */
    private static List<ListingChange> changes(
            List<RepostLink> links, FingerprintedListing... listings) throws Exception {
        try (var bands = candidates();
                var resolve = resolver()) {
            bands.open();
            resolve.open();
            for (FingerprintedListing f : listings) {
                List<BandedListing> banded = new ArrayList<>();
                FAN_OUT.flatMap(f, new ListCollector<>(banded));
                for (BandedListing b : banded) {
                    bands.processElement(b, f.listing().fetchedAt());
                }
            }
            for (BandVerdict v : bands.extractOutputValues()) {
                resolve.processElement(v, v.fingerprinted().listing().fetchedAt());
            }
            var side = resolve.getSideOutput(RepostResolver.LINKS);
            if (side != null) {
                side.stream().map(StreamRecord::getValue).forEach(links::add);
            }
            return resolve.extractOutputValues();
        }
    }

    /** Key, kind and price before of each listing that goes on from the dedup. */
    private static List<Tuple> goingOn(List<ListingChange> changes) {
        return changes.stream()
                .map(c -> tuple(c.listing().listingKey(), c.kind(), c.previousPrice()))
                .toList();
    }

    @Test
    void aRepostWithANearlyIdenticalPhotoIsLinkedToTheOriginalAndGoesNoFurther() throws Exception {
        List<RepostLink> links = new ArrayList<>();
        List<String> fresh =
                run(
                        links,
                        photo("1", HASH, 1_000),
                        photo("2", HASH ^ 0b1011, 2_000),
                        photo("3", ~HASH, 3_000));

        assertThat(fresh).containsExactly("dba.dk:1", "dba.dk:3");
        assertThat(links).containsExactly(new RepostLink("dba.dk:2", "dba.dk:1", 3, 2_000));
    }

    @Test
    void aRepostAskingLessGoesOnAsAPriceDropFromTheItemsLowestEarlierPrice() throws Exception {
        List<RepostLink> links = new ArrayList<>();
        List<ListingChange> changes =
                changes(
                        links,
                        photo("1", HASH, 1_000, 3000L),
                        photo("2", HASH ^ 1, 2_000, 2400L),
                        photo("3", HASH ^ 2, 3_000, 2400L),
                        photo("4", HASH, 4_000, 2390L),
                        photo("5", HASH ^ 0b100, 5_000, 1900L),
                        photo("6", HASH, 6_000, 3500L),
                        photo("7", HASH, 7_000, null));

        // 3 asks what 2 asked; 4 is only 10 kr. under it; 6 asks more; 7 states no price.
        assertThat(goingOn(changes))
                .containsExactly(
                        tuple("dba.dk:1", ChangeKind.NEW, null),
                        tuple("dba.dk:2", ChangeKind.PRICE_DROP, 3000L),
                        tuple("dba.dk:5", ChangeKind.PRICE_DROP, 2390L));
        assertThat(links)
                .extracting(RepostLink::repostKey, RepostLink::originalKey)
                .containsExactly(
                        tuple("dba.dk:2", "dba.dk:1"),
                        tuple("dba.dk:3", "dba.dk:1"),
                        tuple("dba.dk:4", "dba.dk:1"),
                        tuple("dba.dk:5", "dba.dk:1"),
                        tuple("dba.dk:6", "dba.dk:1"),
                        tuple("dba.dk:7", "dba.dk:1"));
    }

    @Test
    void theOriginalsOwnPriceDropCountsAndGoesNoFurtherFromHere() throws Exception {
        FingerprintedListing original = photo("1", HASH, 1_000, 3000L);
        FingerprintedListing dropped =
                new FingerprintedListing(version(priced(original.listing(), 2500L), 2), HASH, true);
        List<RepostLink> links = new ArrayList<>();
        List<ListingChange> changes =
                changes(
                        links,
                        original,
                        dropped,
                        photo("2", HASH, 3_000, 2600L),
                        photo("3", HASH, 4_000, 2000L));

        assertThat(goingOn(changes))
                .containsExactly(
                        tuple("dba.dk:1", ChangeKind.NEW, null),
                        tuple("dba.dk:3", ChangeKind.PRICE_DROP, 2500L));
        assertThat(links).extracting(RepostLink::repostKey).containsExactly("dba.dk:2", "dba.dk:3");
    }

    @Test
    void aSecondRepostIsLinkedToTheEarliestOriginal() throws Exception {
        List<RepostLink> links = new ArrayList<>();
        run(links, photo("1", HASH, 1_000), photo("2", HASH, 2_000), photo("3", HASH ^ 1, 3_000));

        assertThat(links)
                .extracting(RepostLink::repostKey, RepostLink::originalKey)
                .containsExactly(tuple("dba.dk:2", "dba.dk:1"), tuple("dba.dk:3", "dba.dk:1"));
    }

    @Test
    void photosTooFarApartOrOutsideTheWindowAreDifferentItems() throws Exception {
        List<RepostLink> links = new ArrayList<>();
        List<String> fresh =
                run(
                        links,
                        photo("1", HASH, 1_000),
                        photo("2", HASH ^ 0b1_1111, 2_000),
                        photo("3", HASH, 1_000 + WINDOW.toMillis() + 1));

        assertThat(fresh).containsExactly("dba.dk:1", "dba.dk:2", "dba.dk:3");
        assertThat(links).isEmpty();
    }

    @Test
    void theSameStockPhotoInAnotherTownIsNotARepost() throws Exception {
        Listing elsewhere = listing("2", "Racercykel", 3000L);
        elsewhere =
                new Listing(
                        elsewhere.listingKey(),
                        elsewhere.site(),
                        elsewhere.adId(),
                        elsewhere.url(),
                        elsewhere.title(),
                        elsewhere.description(),
                        elsewhere.price(),
                        elsewhere.currency(),
                        "8000 Aarhus C",
                        "8000",
                        elsewhere.imageUrls(),
                        2_000,
                        2_000,
                        1);
        List<RepostLink> links = new ArrayList<>();
        List<String> fresh =
                run(
                        links,
                        photo("1", HASH, 1_000),
                        new FingerprintedListing(elsewhere, HASH, true));

        assertThat(fresh).containsExactly("dba.dk:1", "dba.dk:2");
    }

    @Test
    void aListingWithoutAnImageHashPassesAsNew() throws Exception {
        List<RepostLink> links = new ArrayList<>();
        List<String> fresh =
                run(
                        links,
                        photo("1", HASH, 1_000),
                        FingerprintedListing.withoutImage(
                                fetchedAt(listing("2", "Racercykel", 3000L), 2_000)));

        assertThat(fresh).containsExactly("dba.dk:1", "dba.dk:2");
    }
}
