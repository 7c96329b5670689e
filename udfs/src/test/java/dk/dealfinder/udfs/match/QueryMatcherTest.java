package dk.dealfinder.udfs.match;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.model.SellerType;
import java.util.List;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {

    @Test
    void pairsListingsWithEveryQueryWhoseStaticFiltersPass() throws Exception {
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processBroadcastElement(
                    new SavedQuerySnapshot(
                            1,
                            List.of(
                                    query("phone", "iPhone 13", 3000L, List.of("cover")),
                                    query("lego", "Lego Technic 42100", null, List.of()))),
                    1);

            h.processElement(embedded(listing("1", "iPhone 13 128GB", 2500L)), 10);
            h.processElement(
                    embedded(listing("2", "iPhone 13 256GB", 3500L)), 11); // over max price
            h.processElement(
                    embedded(listing("3", "Cover til iPhone 13", 50L)), 12); // excluded keyword
            h.processElement(embedded(listing("4", "LEGO Technic 42100 Liebherr", 2200L)), 13);
            h.processElement(embedded(listing("5", "Sofabord i eg", 300L)), 14); // no term at all

            assertThat(h.extractOutputValues())
                    .extracting(m -> m.listing().adId() + "/" + m.query().id())
                    .containsExactly("1/phone", "2/phone", "4/lego");
            assertThat(h.extractOutputValues())
                    .as("over the max price: only for the market estimate")
                    .extracting(m -> m.listing().adId() + ":" + m.priceInRange())
                    .containsExactly("1:true", "2:false", "4:true");
            assertThat(h.extractOutputValues())
                    .as("every match carries its listing's one vector")
                    .allSatisfy(m -> assertThat(m.embedded().vector()).containsExactly(0.6f, 0.8f))
                    .allSatisfy(m -> assertThat(m.embedded().modelId()).isEqualTo("test-model"));
        }
    }

    private static EmbeddedListing embedded(Listing l) {
        return new EmbeddedListing(l, new float[] {0.6f, 0.8f}, "test-model");
    }

    @Test
    void appliesTheNewFiltersAndAQueryWhoseExpressionDoesNotParseMatchesNothing() throws Exception {
        SavedQuery phone = query("phone", "iPhone", null, List.of());
        SavedQuery proNearAarhus =
                new SavedQuery(
                        "pro",
                        null,
                        "pro",
                        "iPhone",
                        "dba.dk",
                        null,
                        null,
                        List.of(),
                        List.of(),
                        "pro OR max",
                        null,
                        new SearchArea(List.of(), "8000", 30),
                        SellerType.ANY,
                        null,
                        50,
                        null,
                        true,
                        true);
        SavedQuery broken =
                new SavedQuery(
                        "broken", null, "broken", "iPhone", "dba.dk", null, null, List.of(),
                        List.of(), "(pro", null, null, null, null, 50, null, true, true);
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processBroadcastElement(
                    new SavedQuerySnapshot(1, List.of(phone, proNearAarhus, broken)), 1);

            h.processElement(
                    embedded(listing("1", "iPhone 13 Pro", 2500L)), 10); // in 2100, not near 8000
            h.processElement(embedded(inAarhus(listing("2", "iPhone 13 Pro", 2500L))), 11);
            h.processElement(embedded(inAarhus(listing("3", "iPhone 13 mini", 2500L))), 12);

            assertThat(h.extractOutputValues())
                    .extracting(m -> m.listing().adId() + "/" + m.query().id())
                    .containsExactly("1/phone", "2/phone", "2/pro", "3/phone");
        }
    }

    private static Listing inAarhus(Listing l) {
        return new Listing(
                l.listingKey(),
                l.site(),
                l.adId(),
                l.url(),
                l.title(),
                l.description(),
                l.price(),
                l.currency(),
                "8200 Aarhus N",
                "8200",
                l.imageUrls(),
                l.publishedAt(),
                l.fetchedAt(),
                l.version(),
                null,
                null);
    }

    @Test
    void aNewSnapshotReplacesTheQuerySet() throws Exception {
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processBroadcastElement(
                    new SavedQuerySnapshot(1, List.of(query("phone", "iPhone", null, List.of()))),
                    1);
            h.processBroadcastElement(
                    new SavedQuerySnapshot(2, List.of(query("lego", "Lego", null, List.of()))), 2);

            h.processElement(embedded(listing("1", "iPhone 13", 2500L)), 10);
            h.processElement(embedded(listing("2", "Lego 42100", 900L)), 11);

            assertThat(h.extractOutputValues())
                    .extracting(m -> m.query().id())
                    .containsExactly("lego");
        }
    }

    @Test
    void listingsThatArriveBeforeTheFirstSnapshotAreMatchedWhenItArrives() throws Exception {
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processElement(embedded(listing("1", "iPhone 13 128GB", 2500L)), 10);
            h.processElement(embedded(listing("2", "Sofabord", 300L)), 11);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processBroadcastElement(
                    new SavedQuerySnapshot(
                            1, List.of(query("phone", "iPhone 13", null, List.of()))),
                    12);

            assertThat(h.extractOutputValues())
                    .extracting(m -> m.listing().adId())
                    .containsExactly("1");
        }
    }

    @Test
    void heldListingsSurviveARestore() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processElement(embedded(listing("1", "iPhone 13 128GB", 2500L)), 10);
            snapshot = h.snapshot(1, 20);
        }
        var restored =
                new org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness<>(
                        new org.apache.flink.streaming.api.operators.co
                                .CoBroadcastWithNonKeyedOperator<>(
                                new QueryMatcher(), List.of(QueryMatcher.QUERIES)));
        try (restored) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(
                    new org.apache.flink.streaming.runtime.streamrecord.StreamRecord<>(
                            new SavedQuerySnapshot(
                                    1, List.of(query("phone", "iPhone 13", null, List.of()))),
                            30));

            assertThat(restored.extractOutputValues())
                    .extracting(m -> m.listing().adId())
                    .containsExactly("1");
            assertThat(restored.extractOutputValues().get(0).embedded().vector())
                    .as("the vector is kept in the held listing's state")
                    .containsExactly(0.6f, 0.8f);
        }
    }
}
