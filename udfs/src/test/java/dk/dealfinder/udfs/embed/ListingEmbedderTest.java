package dk.dealfinder.udfs.embed;

import static dk.dealfinder.udfs.Listings.listing;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.udfs.async.BatchSettings;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The embedder inside Flink's async operator with the real model. */
class ListingEmbedderTest {

    @Test
    void embedsEveryListingWithTheSameVectorAsTheModelAlone() throws Exception {
        List<Listing> listings =
                List.of(
                        listing("1", "iPhone 13 128GB sort", 2500L),
                        listing("2", "Lego Technic 42100", 3000L),
                        listing("3", "Racercykel str. 56", 4000L));
        var function =
                new ListingEmbedder(
                        new BatchSettings(2, Duration.ofMillis(20), 1), EmbeddingModelSpec.BUNDLED);
        try (var h =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(function, 60_000, 10, OutputMode.UNORDERED),
                        TypeInformation.of(Listing.class)
                                .createSerializer(new SerializerConfigImpl()))) {
            h.open();
            for (Listing l : listings) {
                h.processElement(l, 0);
            }
            h.endInput();
            List<EmbeddedListing> out =
                    h.extractOutputValues().stream()
                            .sorted(Comparator.comparing(e -> e.listing().adId()))
                            .toList();

            assertThat(out).extracting(e -> e.listing().adId()).containsExactly("1", "2", "3");
            assertThat(out)
                    .allSatisfy(
                            e -> {
                                assertThat(ListingEmbedder.isEmbedded(e)).isTrue();
                                assertThat(e.modelId()).isEqualTo("all-minilm-l6-v2-q");
                            });
            float[] alone = TextEmbedder.shared().embed(ListingEmbedder.textOf(listings.get(1)));
            assertThat(TextEmbedder.cosine(out.get(1).vector(), alone)).isGreaterThan(0.999);
        }
    }
}
