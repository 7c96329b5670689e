package dk.dealfinder.scraper.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.split.SearchSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class ScraperSourceEnumeratorTest {

    private static SavedQuery query(String id, String site) {
        return new SavedQuery(
                id, id, "terms " + id, site, null, null, List.of(), List.of(), 50, true);
    }

    private static List<String> assignedIds(MockSplitEnumeratorContext<SearchSplit> context) {
        List<String> ids = new ArrayList<>();
        context.getSplitsAssignmentSequence()
                .forEach(
                        a ->
                                a.assignment()
                                        .values()
                                        .forEach(
                                                splits ->
                                                        splits.forEach(s -> ids.add(s.splitId()))));
        return ids;
    }

    @Test
    void assignsOneFeedPerQueryOnceAndSkipsUnknownSites() throws Throwable {
        List<SavedQuery> active =
                new ArrayList<>(List.of(query("a", "dba.dk"), query("b", "ebay.com")));
        SavedQueryStore store = () -> List.copyOf(active);
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(2)) {
            var enumerator =
                    new ScraperSourceEnumerator(
                            context, store, Set.of("dba.dk"), 1000, ScraperEnumState.empty());
            context.registerReader(new ReaderInfo(0, "h"));
            context.registerReader(new ReaderInfo(1, "h"));
            enumerator.start();

            context.runPeriodicCallable(0);
            active.add(query("c", "dba.dk"));
            context.runPeriodicCallable(0);

            assertThat(assignedIds(context)).containsExactly("dba.dk|a", "dba.dk|c");
            assertThat(enumerator.snapshotState(1).assignedTerms())
                    .containsOnlyKeys("dba.dk|a", "dba.dk|c");
        }
    }

    @Test
    void waitsForItsReaderAndTakesSplitsBackAfterAFailure() throws Throwable {
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(1)) {
            var enumerator =
                    new ScraperSourceEnumerator(
                            context,
                            () -> List.of(query("a", "dba.dk")),
                            Set.of("dba.dk"),
                            1000,
                            ScraperEnumState.empty());
            enumerator.start();
            context.runPeriodicCallable(0);
            assertThat(assignedIds(context)).isEmpty();
            assertThat(enumerator.snapshotState(1).unassigned())
                    .extracting(SearchSplit::splitId)
                    .containsExactly("dba.dk|a");

            context.registerReader(new ReaderInfo(0, "h"));
            enumerator.addReader(0);
            assertThat(assignedIds(context)).containsExactly("dba.dk|a");

            SearchSplit withCursor =
                    new SearchSplit("dba.dk", "a", "terms a", 5L, List.of("9"), List.of(1));
            enumerator.addSplitsBack(List.of(withCursor), 0);
            enumerator.addReader(0);
            assertThat(context.getSplitsAssignmentSequence().get(1).assignment().get(0))
                    .containsExactly(withCursor);
        }
    }

    @Test
    void aStoreThatFailsKeepsTheCurrentFeeds() throws Throwable {
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(1)) {
            context.registerReader(new ReaderInfo(0, "h"));
            var restored = new ScraperEnumState(List.of(), Map.of("dba.dk|a", "terms a"), Set.of());
            var enumerator =
                    new ScraperSourceEnumerator(
                            context,
                            () -> {
                                throw new IllegalStateException("database down");
                            },
                            Set.of("dba.dk"),
                            1000,
                            restored);
            enumerator.start();
            context.runPeriodicCallable(0);

            assertThat(enumerator.snapshotState(2).assignedTerms()).containsOnlyKeys("dba.dk|a");
        }
    }

    private static SavedQuery query(String id, String site, String terms) {
        return new SavedQuery(id, id, terms, site, null, null, List.of(), List.of(), 50, true);
    }

    @Test
    void retiresFeedsOfRemovedQueriesAndSendsChangedTermsToTheOwningReader() throws Throwable {
        List<SavedQuery> active =
                new ArrayList<>(
                        List.of(query("a", "dba.dk", "stol"), query("b", "dba.dk", "bord")));
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(1)) {
            context.registerReader(new ReaderInfo(0, "h"));
            var enumerator =
                    new ScraperSourceEnumerator(
                            context,
                            () -> List.copyOf(active),
                            Set.of("dba.dk"),
                            1000,
                            ScraperEnumState.empty());
            enumerator.start();
            context.runPeriodicCallable(0);

            active.set(0, query("a", "dba.dk", "spisebordsstol"));
            active.remove(1);
            context.runPeriodicCallable(0);

            assertThat(context.getSentSourceEvent().get(0))
                    .containsExactly(
                            new FeedChangesEvent(
                                    Map.of("dba.dk|a", "spisebordsstol"), Set.of("dba.dk|b")));
            ScraperEnumState state = enumerator.snapshotState(3);
            assertThat(state.assignedTerms()).isEqualTo(Map.of("dba.dk|a", "spisebordsstol"));
            assertThat(state.retired()).containsExactly("dba.dk|b");

            context.runPeriodicCallable(0);
            assertThat(context.getSentSourceEvent().get(0)).as("nothing new to say").hasSize(1);
        }
    }

    @Test
    void aRejoiningReaderIsToldAgainWhatWasRetiredAndTheCurrentTerms() throws Throwable {
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(1)) {
            var restored =
                    new ScraperEnumState(List.of(), Map.of("dba.dk|a", "stol"), Set.of("dba.dk|b"));
            var enumerator =
                    new ScraperSourceEnumerator(
                            context,
                            () -> List.of(query("a", "dba.dk", "stol")),
                            Set.of("dba.dk"),
                            1000,
                            restored);
            context.registerReader(new ReaderInfo(0, "h"));
            enumerator.addReader(0);

            assertThat(context.getSentSourceEvent().get(0))
                    .containsExactly(
                            new FeedChangesEvent(Map.of("dba.dk|a", "stol"), Set.of("dba.dk|b")));
        }
    }

    @Test
    void aQueryPausedBeforeItsFeedWasAssignedIsSimplyForgotten() throws Throwable {
        List<SavedQuery> active = new ArrayList<>(List.of(query("a", "dba.dk", "stol")));
        try (var context = new MockSplitEnumeratorContext<SearchSplit>(1)) {
            var enumerator =
                    new ScraperSourceEnumerator(
                            context,
                            () -> List.copyOf(active),
                            Set.of("dba.dk"),
                            1000,
                            ScraperEnumState.empty());
            enumerator.start();
            context.runPeriodicCallable(0);
            active.clear();
            context.runPeriodicCallable(0);

            assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
            context.registerReader(new ReaderInfo(0, "h"));
            enumerator.addReader(0);
            assertThat(assignedIds(context)).isEmpty();
        }
    }
}
