package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.scraper.split.SearchSplit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the enumerator checkpoints: splits not yet handed to a reader, the terms of those that were
 * (their cursors live in the readers' state), and the feeds it retired, so a reader restored from
 * an older checkpoint is told again to drop them.
 */
public record ScraperEnumState(
        List<SearchSplit> unassigned, Map<String, String> assignedTerms, Set<String> retired) {

    public ScraperEnumState {
        unassigned = List.copyOf(unassigned);
        assignedTerms = Map.copyOf(assignedTerms);
        retired = Set.copyOf(retired);
    }

    public static ScraperEnumState empty() {
        return new ScraperEnumState(List.of(), Map.of(), Set.of());
    }
}
