package dk.dealfinder.scraper.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reader's mutable view of a split, advanced as each record is emitted, so a checkpoint holds
 * exactly what has gone downstream.
 */
public final class SearchSplitState {

    private final SearchSplit split;

    /** Newest first; bounded by {@link SearchSplit#CURSOR_SIZE}. */
    private final Deque<String> recent;

    private final Set<String> recentIds;
    private long newestPublishedAt;

    public SearchSplitState(SearchSplit split) {
        this.split = split;
        this.recent = new ArrayDeque<>(split.recentAdIds());
        this.recentIds = new HashSet<>(split.recentAdIds());
        this.newestPublishedAt = split.newestPublishedAt();
    }

    /** Records that an ad was emitted. */
    public void emitted(String adId, long publishedAt) {
        if (recentIds.add(adId)) {
            recent.addFirst(adId);
            while (recent.size() > SearchSplit.CURSOR_SIZE) {
                recentIds.remove(recent.removeLast());
            }
        }
        newestPublishedAt = Math.max(newestPublishedAt, publishedAt);
    }

    public boolean hasEmitted(String adId) {
        return recentIds.contains(adId);
    }

    public SearchSplit toSplit() {
        return new SearchSplit(
                split.site(),
                split.queryId(),
                split.terms(),
                newestPublishedAt,
                new ArrayList<>(recent));
    }

    public List<String> recentAdIds() {
        return List.copyOf(recent);
    }
}
