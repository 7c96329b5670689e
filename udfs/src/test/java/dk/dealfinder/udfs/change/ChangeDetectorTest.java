package dk.dealfinder.udfs.change;

import static dk.dealfinder.udfs.Listings.listing;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Listing;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, Listing, Listing> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ChangeDetector(Duration.ofDays(30))),
                Listing::listingKey,
                Types.STRING);
    }

    @Test
    void emitsANewListingOnceAsVersionOneAndDropsRescrapes() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(listing("1", "iPhone 13", 2000L), 10);
            h.processElement(listing("1", "iPhone 13", 2000L), 20);
            h.processElement(listing("2", "Lego 42100", 900L), 30);

            assertThat(h.extractOutputValues())
                    .extracting(Listing::listingKey, Listing::version)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("dba.dk:1", 1),
                            org.assertj.core.groups.Tuple.tuple("dba.dk:2", 1));
        }
    }

    @Test
    void remembersSeenListingsAcrossARestoreFromSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(listing("1", "iPhone 13", 2000L), 10);
            snapshot = h.snapshot(1, 100);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(listing("1", "iPhone 13", 2000L), 200);
            restored.processElement(listing("3", "Sofa", 500L), 210);

            assertThat(restored.extractOutputValues())
                    .extracting(Listing::listingKey)
                    .containsExactly("dba.dk:3");
        }
    }
}
