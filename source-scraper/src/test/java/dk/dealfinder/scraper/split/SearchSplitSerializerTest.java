package dk.dealfinder.scraper.split;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.scraper.enumerator.ScraperEnumState;
import dk.dealfinder.scraper.enumerator.ScraperEnumStateSerializer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SearchSplitSerializerTest {

    @Test
    void splitWithCursorSurvivesTheRoundTrip() throws Exception {
        SearchSplit split =
                new SearchSplit(
                        "dba.dk",
                        "q1",
                        "iPhone 13 æøå",
                        1234L,
                        List.of("3", "2", "1"),
                        List.of(33, -22, 11));
        byte[] bytes = SearchSplitSerializer.INSTANCE.serialize(split);
        assertThat(
                        SearchSplitSerializer.INSTANCE.deserialize(
                                SearchSplitSerializer.INSTANCE.getVersion(), bytes))
                .isEqualTo(split);
    }

    @Test
    void enumeratorStateSurvivesTheRoundTrip() throws Exception {
        ScraperEnumState state =
                new ScraperEnumState(
                        List.of(SearchSplit.fresh("finn.no", "q2", "sykkel")),
                        Map.of("dba.dk|q1", "iPhone 13", "dba.dk|q3", "Lego Technic"),
                        Set.of("dba.dk|q9"));
        ScraperEnumStateSerializer serializer = new ScraperEnumStateSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
                .isEqualTo(state);
    }

    @Test
    void aVersionOneSplitRestoresWithUnknownFingerprintsThatMatchAnyVersion() throws Exception {
        DataOutputSerializer v1 = new DataOutputSerializer(64);
        v1.writeUTF("dba.dk");
        v1.writeUTF("q1");
        v1.writeUTF("stol");
        v1.writeLong(7L);
        v1.writeInt(1);
        v1.writeUTF("42");

        SearchSplit restored = SearchSplitSerializer.INSTANCE.deserialize(1, v1.getCopyOfBuffer());

        assertThat(restored.recentAdIds()).containsExactly("42");
        assertThat(new SearchSplitState(restored).hasEmitted("42", 12345)).isTrue();
    }

    @Test
    void reEmittingAnAdMovesItToTheFrontWithItsNewFingerprint() {
        SearchSplitState state = new SearchSplitState(SearchSplit.fresh("dba.dk", "q", "x"));
        state.emitted("a", 1, 10);
        state.emitted("b", 2, 20);
        state.emitted("a", 3, 30);

        SearchSplit split = state.toSplit();
        assertThat(split.recentAdIds()).containsExactly("a", "b");
        assertThat(split.recentFingerprints()).containsExactly(3, 2);
    }

    @Test
    void cursorKeepsTheNewestIdsAndForgetsTheOldest() {
        SearchSplitState state = new SearchSplitState(SearchSplit.fresh("dba.dk", "q", "x"));
        for (int i = 0; i < SearchSplit.CURSOR_SIZE + 5; i++) {
            state.emitted("id" + i, i, i);
        }
        SearchSplit split = state.toSplit();
        assertThat(split.recentAdIds())
                .hasSize(SearchSplit.CURSOR_SIZE)
                .startsWith("id" + (SearchSplit.CURSOR_SIZE + 4));
        assertThat(state.hasEmitted("id0")).isFalse();
        assertThat(state.hasEmitted("id5")).isTrue();
        assertThat(state.hasEmitted("id5", 5)).isTrue();
        assertThat(state.hasEmitted("id5", 6)).as("an edited ad is a new version").isFalse();
        assertThat(split.newestPublishedAt()).isEqualTo(SearchSplit.CURSOR_SIZE + 4);
    }
}
