package dk.dealfinder.scraper.split;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.scraper.enumerator.ScraperEnumState;
import dk.dealfinder.scraper.enumerator.ScraperEnumStateSerializer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSplitSerializerTest {

    @Test
    void splitWithCursorSurvivesTheRoundTrip() throws Exception {
        SearchSplit split =
                new SearchSplit("dba.dk", "q1", "iPhone 13 æøå", 1234L, List.of("3", "2", "1"));
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
                        Set.of("dba.dk|q1", "dba.dk|q3"));
        ScraperEnumStateSerializer serializer = new ScraperEnumStateSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
                .isEqualTo(state);
    }

    @Test
    void cursorKeepsTheNewestIdsAndForgetsTheOldest() {
        SearchSplitState state = new SearchSplitState(SearchSplit.fresh("dba.dk", "q", "x"));
        for (int i = 0; i < SearchSplit.CURSOR_SIZE + 5; i++) {
            state.emitted("id" + i, i);
        }
        SearchSplit split = state.toSplit();
        assertThat(split.recentAdIds())
                .hasSize(SearchSplit.CURSOR_SIZE)
                .startsWith("id" + (SearchSplit.CURSOR_SIZE + 4));
        assertThat(state.hasEmitted("id0")).isFalse();
        assertThat(state.hasEmitted("id5")).isTrue();
        assertThat(split.newestPublishedAt()).isEqualTo(SearchSplit.CURSOR_SIZE + 4);
    }
}
