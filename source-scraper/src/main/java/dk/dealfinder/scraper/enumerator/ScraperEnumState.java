package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.scraper.split.SearchSplit;
import java.util.List;
import java.util.Set;

/**
 * What the enumerator checkpoints: splits not yet handed to a reader, and the ids of those that
 * were (their cursors live in the readers' state).
 */
public record ScraperEnumState(List<SearchSplit> unassigned, Set<String> assignedSplitIds) {

    public static ScraperEnumState empty() {
        return new ScraperEnumState(List.of(), Set.of());
    }
}
