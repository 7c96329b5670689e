package dk.dealfinder.udfs.dedup;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.withImages;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Real HTTP against the LocalMarketplace's photos and a real Redis for the cache. */
class ImageFingerprinterTest {

    private static LocalMarketplace marketplace;

    @BeforeAll
    static void start() {
        marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
    }

    @AfterAll
    static void stop() {
        marketplace.close();
    }

    private static String firstImage(long id) {
        return marketplace.baseUrl().resolve("/images/" + id + "/1.jpg").toString();
    }

    private static List<FingerprintedListing> fingerprint(String redisUri, Listing... listings)
            throws Exception {
        var fingerprinter =
                new ImageFingerprinter(redisUri, Duration.ofDays(1), Duration.ofSeconds(10));
        try (var h =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                fingerprinter, 30_000, 10, AsyncDataStream.OutputMode.ORDERED),
                        TypeInformation.of(Listing.class)
                                .createSerializer(new SerializerConfigImpl()))) {
            h.open();
            for (Listing l : listings) {
                h.processElement(l, l.fetchedAt());
            }
            h.endInput();
            return h.extractOutputValues();
        }
    }

    @Test
    void aRepostServesTheSamePhotoUnderANewUrlAndHashesTheSame() throws Exception {
        var catalogue = marketplace.catalogue();
        long original = catalogue.publish(ListingDraft.of("Racercykel str. 56", 3000));
        long repost = catalogue.repost(original);
        long other = catalogue.publish(ListingDraft.of("Sofabord i eg", 800));

        List<FingerprintedListing> out =
                fingerprint(
                        "",
                        withImages(listing("1", "a", 1L), firstImage(original)),
                        withImages(listing("2", "b", 1L), firstImage(repost)),
                        withImages(listing("3", "c", 1L), firstImage(other)));

        assertThat(out).allMatch(FingerprintedListing::hasImageHash);
        assertThat(DifferenceHash.distance(out.get(0).imageHash(), out.get(1).imageHash()))
                .isZero();
        assertThat(DifferenceHash.distance(out.get(0).imageHash(), out.get(2).imageHash()))
                .isGreaterThan(3);
    }

    /**
     * Many different items published in a row (as the alert-latency benchmark does) must not look
     * like reposts of each other: no two photos within the default imageHashDistance of 3 bits.
     */
    @Test
    void photosOfDifferentItemsStayApartAtScale() throws Exception {
        var catalogue = marketplace.catalogue();
        List<Listing> listings = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long id = catalogue.publish(ListingDraft.of("iPhone 13 128GB nr. " + i, 4000 - i));
            listings.add(withImages(listing(Long.toString(id), "iPhone 13", 1L), firstImage(id)));
        }

        List<FingerprintedListing> out = fingerprint("", listings.toArray(Listing[]::new));

        assertThat(out).hasSize(200).allMatch(FingerprintedListing::hasImageHash);
        for (int a = 0; a < out.size(); a++) {
            for (int b = a + 1; b < out.size(); b++) {
                assertThat(DifferenceHash.distance(out.get(a).imageHash(), out.get(b).imageHash()))
                        .as("photos of items %d and %d", a, b)
                        .isGreaterThan(3);
            }
        }
    }

    @Test
    void hashesAreCachedInRedisByImageUrl() throws Exception {
        long id = marketplace.catalogue().publish(ListingDraft.of("Lego Technic 42100", 2500));
        String url = firstImage(id);

        List<FingerprintedListing> out =
                fingerprint(SharedRedis.uri(), withImages(listing("1", "a", 1L), url));

        try (var redis = RedisClient.create(URI.create(SharedRedis.uri()))) {
            assertThat(redis.get(ImageHashCache.PREFIX + url))
                    .isEqualTo(Long.toHexString(out.get(0).imageHash()));
            // A cached hash is used as it is: a planted value comes back without a download.
            redis.set(ImageHashCache.PREFIX + url, "ff");
        }
        assertThat(fingerprint(SharedRedis.uri(), withImages(listing("1", "a", 1L), url)))
                .singleElement()
                .extracting(FingerprintedListing::imageHash)
                .isEqualTo(0xffL);
    }

    @Test
    void missingImagesAndBrokenUrlsYieldListingsWithoutAHash() throws Exception {
        List<FingerprintedListing> out =
                fingerprint(
                        "",
                        listing("1", "no image", 1L),
                        withImages(listing("2", "404", 1L), firstImage(999_999_999L)),
                        withImages(
                                listing("3", "not html", 1L),
                                marketplace.baseUrl().resolve("/robots.txt").toString()),
                        withImages(listing("4", "bad url", 1L), "ht!tp://nope"));

        assertThat(out).hasSize(4).noneMatch(FingerprintedListing::hasImageHash);
    }
}
