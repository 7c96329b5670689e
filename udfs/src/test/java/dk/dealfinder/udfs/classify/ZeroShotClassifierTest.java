package dk.dealfinder.udfs.classify;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Runs the real in-process ONNX model; no double. */
class ZeroShotClassifierTest {

    @Test
    void judgesGenuineListingsRelevantAndDecoysByTheirMarker() throws Exception {
        try (var h =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamMap<>(new ZeroShotClassifier(0.55)))) {
            h.open();
            var q = query("phone", "iPhone 13", 4000L, List.of());
            h.processElement(
                    new StreamRecord<>(
                            new QueryMatch(
                                    listing("1", "iPhone 13 128GB sort, som ny", 2500L), q)));
            h.processElement(
                    new StreamRecord<>(
                            new QueryMatch(listing("2", "Cover til iPhone 13", 50L), q)));
            h.processElement(
                    new StreamRecord<>(
                            new QueryMatch(listing("3", "Sofabord i massiv eg 13 kg", 900L), q)));

            List<ClassifiedMatch> out = h.extractOutputValues();
            assertThat(out)
                    .extracting(ClassifiedMatch::verdict)
                    .containsExactly(Verdict.RELEVANT, Verdict.ACCESSORY, Verdict.IRRELEVANT);
            assertThat(out.get(0).similarity()).isGreaterThan(out.get(2).similarity());
            assertThat(out.get(0).modelId()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(out.get(1).modelId()).isEqualTo("rules");
        }
    }
}
