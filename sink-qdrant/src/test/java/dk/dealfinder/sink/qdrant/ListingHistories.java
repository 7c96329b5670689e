package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingChange;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The lives of {@code ads} test listings, as the embedding and the classification branches would
 * deliver them: {@link #VERSIONS} versions each, two verdicts from each of three saved queries (the
 * later observation wins), some removed, some of those relisted with one more version. Both streams
 * are numbered so that a sequence source can produce them in any interleaving, and {@link
 * #expected} says what each point must finally hold whatever the interleaving.
 */
final class ListingHistories {

    static final int VERSIONS = 3;
    static final int QUERIES = 3;
    private static final int VERDICT_SLOTS = 2 * QUERIES;
    static final int UPDATE_SLOTS = VERDICT_SLOTS + 2;

    private ListingHistories() {}

    static boolean removed(int ad) {
        return ad % 3 == 0 || relisted(ad);
    }

    static boolean relisted(int ad) {
        return ad % 5 == 0;
    }

    static String key(int ad) {
        return TestListings.embedded(ad, 1).listing().listingKey();
    }

    /** The verdict of query {@code slot % QUERIES}, observed at {@code slot}. */
    static String verdict(int ad, int slot) {
        return switch ((ad + slot) % 3) {
            case 0 -> "RELEVANT";
            case 1 -> "IRRELEVANT";
            default -> "ACCESSORY";
        };
    }

    /** What the point of {@code ad} must end up as. */
    static Expected expected(int ad) {
        Map<String, String> verdicts = new TreeMap<>();
        for (int slot = QUERIES; slot < VERDICT_SLOTS; slot++) {
            verdicts.put("q" + (slot % QUERIES), verdict(ad, slot));
        }
        return new Expected(
                relisted(ad) ? VERSIONS + 2 : VERSIONS, !removed(ad) || relisted(ad), verdicts);
    }

    /**
     * @param version the listing version the point holds
     * @param active its active flag
     * @param verdicts its verdicts
     */
    record Expected(int version, boolean active, Map<String, String> verdicts) {}

    /** Record n of {@code ads * (VERSIONS + 1)}: a version of an ad, or its relisted version. */
    static final class Embeddings implements FlatMapFunction<Long, EmbeddedListing> {

        private final int ads;

        Embeddings(int ads) {
            this.ads = ads;
        }

        @Override
        public void flatMap(Long n, Collector<EmbeddedListing> out) {
            int ad = (int) (n % ads);
            int round = (int) (n / ads);
            if (round < VERSIONS) {
                out.collect(TestListings.embedded(ad, round + 1));
            } else if (relisted(ad)) {
                out.collect(TestListings.embedded(ad, VERSIONS + 2));
            }
        }
    }

    /** Record n of {@code ads * UPDATE_SLOTS}: a verdict, removal or relisting of an ad. */
    static final class Updates implements FlatMapFunction<Long, PointUpdate> {

        private final int ads;

        Updates(int ads) {
            this.ads = ads;
        }

        @Override
        public void flatMap(Long n, Collector<PointUpdate> out) {
            int ad = (int) (n % ads);
            int slot = (int) (n / ads);
            if (slot < VERDICT_SLOTS) {
                out.collect(
                        PointUpdate.verdict(
                                key(ad), "q" + (slot % QUERIES), verdict(ad, slot), slot));
            } else if (slot == VERDICT_SLOTS && removed(ad)) {
                out.collect(PointUpdate.of(change(ad, ChangeKind.REMOVED, VERSIONS + 1)));
            } else if (slot == VERDICT_SLOTS + 1 && relisted(ad)) {
                out.collect(PointUpdate.of(change(ad, ChangeKind.RELISTED, VERSIONS + 2)));
            }
        }

        private static ListingChange change(int ad, ChangeKind kind, int version) {
            return new ListingChange(
                    TestListings.embedded(ad, version).listing(), kind, null, version);
        }
    }
}
